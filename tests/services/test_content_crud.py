"""Each type can be created, read, updated and deleted through plone.restapi."""

import pytest


# portal_type: (a field to patch, its new value, how it reads back)
PATCHES = {
    "TwinSpace": ("age_to", 14, 14),
    "Group": ("access", "invitation", {"token": "invitation", "title": "By invitation only"}),
    "PartnerPosting": ("expires", "2027-12-31", "2027-12-31"),
    "Page": ("title", "Renamed page", "Renamed page"),
    "Material": (
        "license",
        "cc0-1.0",
        {"token": "cc0-1.0", "title": "Creative Commons Zero - public domain dedication (CC0)"},
    ),
    "Mobility": ("participants_staff", 3, 3),
    "QualityLabel": ("school_year", "2027-2028", "2027-2028"),
}


@pytest.mark.parametrize("portal_type", sorted(PATCHES))
def test_crud(manager_request, twinspace, payloads, parents, portal_type):
    parent = parents[portal_type]
    payload = payloads[portal_type]

    created = manager_request.post(f"/{parent}", json=payload)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["@type"] == portal_type
    url = body["@id"]

    read = manager_request.get(url)
    assert read.status_code == 200
    assert read.json()["title"] == payload["title"]

    field, value, expected = PATCHES[portal_type]
    patched = manager_request.patch(url, json={field: value})
    assert patched.status_code == 204, patched.text
    assert manager_request.get(url).json()[field] == expected

    deleted = manager_request.delete(url)
    assert deleted.status_code == 204
    assert manager_request.get(url).status_code == 404


def test_created_values_read_back(manager_request, twinspace, payloads):
    response = manager_request.post("/projects", json=payloads["TwinSpace"])
    body = manager_request.get(response.json()["@id"]).json()
    assert [term["token"] for term in body["languages"]] == ["en", "es"]
    assert body["erasmus_key_action"]["token"] == "KA122"
    assert body["erasmus_project_reference"] == "2025-1-ES01-KA122-SCH-000123456"
    assert (body["start"], body["end"]) == ("2026-09-15", "2027-06-15")


def test_material_file_is_downloadable(manager_request, twinspace, payloads):
    from tests.payloads import PDF_BYTES

    response = manager_request.post("/projects/space/page", json=payloads["Material"])
    download = response.json()["file"]["download"]
    assert manager_request.get(download).content == PDF_BYTES


def test_anonymous_cannot_create(anon_request, twinspace, payloads):
    response = anon_request.post("/projects", json=payloads["TwinSpace"])
    assert response.status_code == 401
