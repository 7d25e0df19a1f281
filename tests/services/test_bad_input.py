"""Invalid input gives 400 naming the field, and nothing is created or changed."""

import base64
import pytest


DELETE = object()

# (case id, portal_type, changes to the valid payload, the field the message names)
CREATE_CASES = [
    ("twinspace-missing-languages", "TwinSpace", {"languages": DELETE}, "languages"),
    ("twinspace-empty-languages", "TwinSpace", {"languages": []}, "languages"),
    ("twinspace-unknown-language", "TwinSpace", {"languages": ["xx"]}, "languages"),
    ("twinspace-unknown-subject", "TwinSpace", {"subjects": ["astrology"]}, "subjects"),
    ("twinspace-missing-title", "TwinSpace", {"title": DELETE}, "title"),
    ("twinspace-ages-reversed", "TwinSpace", {"age_from": 15, "age_to": 10}, "age_from"),
    ("twinspace-age-too-low", "TwinSpace", {"age_from": 2}, "age_from"),
    ("twinspace-age-too-high", "TwinSpace", {"age_to": 21}, "age_to"),
    ("twinspace-end-before-start", "TwinSpace", {"start": "2027-01-10", "end": "2027-01-09"}, "start"),
    ("twinspace-bad-date", "TwinSpace", {"start": "15/09/2026"}, "start"),
    (
        "twinspace-bad-reference",
        "TwinSpace",
        {"erasmus_project_reference": "ES-123"},
        "erasmus_project_reference",
    ),
    ("twinspace-unknown-key-action", "TwinSpace", {"erasmus_key_action": "KA999"}, "erasmus_key_action"),
    ("twinspace-negative-pupils", "TwinSpace", {"pupils_count": -1}, "pupils_count"),
    ("twinspace-unknown-cofounder", "TwinSpace", {"cofounder": "nobody-here"}, "cofounder"),
    ("group-unknown-access", "Group", {"access": "secret"}, "access"),
    ("posting-missing-type", "PartnerPosting", {"partnership_type": DELETE}, "partnership_type"),
    ("posting-unknown-country", "PartnerPosting", {"country": "XX"}, "country"),
    ("posting-unknown-looking-for", "PartnerPosting", {"looking_for": "friends"}, "looking_for"),
    ("posting-ages-reversed", "PartnerPosting", {"age_from": 12, "age_to": 8}, "age_from"),
    ("posting-unknown-topic", "PartnerPosting", {"topics": ["gossip"]}, "topics"),
    ("posting-bad-expiry", "PartnerPosting", {"expires": "soon"}, "expires"),
    ("material-file-and-embed", "Material", {"embed_url": "https://vimeo.com/1"}, "embed_url"),
    ("material-no-source", "Material", {"file": DELETE}, "file"),
    ("material-copyright-false", "Material", {"copyright_confirmed": False}, "copyright_confirmed"),
    ("material-copyright-missing", "Material", {"copyright_confirmed": DELETE}, "copyright_confirmed"),
    (
        "material-video-host",
        "Material",
        {"file": DELETE, "embed_url": "https://evil.example/v.mp4"},
        "embed_url",
    ),
    ("material-unknown-licence", "Material", {"license": "gpl"}, "license"),
    ("mobility-end-before-start", "Mobility", {"start": "2027-02-12", "end": "2027-02-08"}, "start"),
    ("mobility-unknown-activity", "Mobility", {"activity_type": "holiday"}, "activity_type"),
    ("mobility-unknown-direction", "Mobility", {"direction": "sideways"}, "direction"),
    ("mobility-negative-staff", "Mobility", {"participants_staff": -1}, "participants_staff"),
    ("mobility-missing-host-country", "Mobility", {"host_country": DELETE}, "host_country"),
    ("label-unknown-level", "QualityLabel", {"level": "global"}, "level"),
    ("label-bad-school-year", "QualityLabel", {"school_year": "2026-2028"}, "school_year"),
    ("label-missing-criterion", "QualityLabel", {"collaboration": DELETE}, "collaboration"),
]


def changed(payload: dict, changes: dict) -> dict:
    result = dict(payload)
    for key, value in changes.items():
        if value is DELETE:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def item_ids(session, path: str) -> list[str]:
    response = session.get(f"/{path}")
    assert response.status_code == 200
    return [item["@id"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    "portal_type,changes,field",
    [case[1:] for case in CREATE_CASES],
    ids=[case[0] for case in CREATE_CASES],
)
def test_create_rejected(manager_request, twinspace, payloads, parents, portal_type, changes, field):
    parent = parents[portal_type]
    before = item_ids(manager_request, parent)

    response = manager_request.post(f"/{parent}", json=changed(payloads[portal_type], changes))

    assert response.status_code == 400, response.text
    assert field in response.json()["message"]
    assert item_ids(manager_request, parent) == before


@pytest.fixture
def material_url(manager_request, twinspace, payloads):
    response = manager_request.post("/projects/space/page", json=payloads["Material"])
    assert response.status_code == 201
    return response.json()["@id"]


# (case id, the valid object's type, the patch, the field the message names)
PATCH_CASES = [
    ("twinspace-age-to-below-stored-age-from", "TwinSpace", {"age_to": 5}, "age_from"),
    ("twinspace-end-before-stored-start", "TwinSpace", {"end": "2026-01-01"}, "start"),
    ("twinspace-bad-language", "TwinSpace", {"languages": ["en", "klingon"]}, "languages"),
    ("material-embed-next-to-stored-file", "Material", {"embed_url": "https://vimeo.com/1"}, "embed_url"),
    ("material-remove-only-source", "Material", {"file": None}, "file"),
    ("material-uncertify", "Material", {"copyright_confirmed": False}, "copyright_confirmed"),
]


@pytest.mark.parametrize(
    "portal_type,patch,field",
    [case[1:] for case in PATCH_CASES],
    ids=[case[0] for case in PATCH_CASES],
)
def test_update_rejected_and_nothing_changed(
    manager_request, twinspace, payloads, parents, portal_type, patch, field
):
    response = manager_request.post(f"/{parents[portal_type]}", json=payloads[portal_type])
    url = response.json()["@id"]
    before = manager_request.get(url).json()

    response = manager_request.patch(url, json=patch)

    assert response.status_code == 400, response.text
    assert field in response.json()["message"]
    after = manager_request.get(url).json()
    for name in patch:
        assert after[name] == before[name]
    assert after["modified"] == before["modified"]


def test_image_material_accepted(manager_request, twinspace, payloads):
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    payload = changed(payloads["Material"], {"file": DELETE})
    payload["image"] = {
        "data": base64.b64encode(png).decode(),
        "encoding": "base64",
        "filename": "pixel.png",
        "content-type": "image/png",
    }
    response = manager_request.post("/projects/space/page", json=payload)
    assert response.status_code == 201, response.text
