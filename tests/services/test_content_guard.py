"""Content POST and PATCH answer 400, never 500, on bodies of the wrong form; nothing is written."""

import pytest
import transaction


@pytest.mark.parametrize(
    "body,named",
    [
        ("not json", "body"),
        ("[1, 2]", "body"),
        ('{"@type": ["Page"], "title": "x"}', "@type"),
        ('{"@type": "Page", "title": {"a": 1}}', "title"),
        (
            '{"@type": "Material", "title": "Sheet", "copyright_confirmed": true, "license": {"a": 1}, '
            '"embed_url": "https://www.youtube.com/watch?v=x"}',
            "body",
        ),
        (
            '{"@type": "Material", "title": "Sheet", "copyright_confirmed": true, "license": "cc-by-4.0", '
            '"file": {"data": "aGVsbG8=", "encoding": "AAA", "filename": "a.txt", "content-type": "text/plain"}}',
            "body",
        ),
        ('{"@type": "Page", "title": "x", "text": {"data": ["not", "text"]}}', "body"),
        # found by the fuzzer: rich text Plone's transforms cannot read
        ('{"@type": "Page", "title": "x", "text": "\\udb8d\\udd40\\u00a1\\u0001\\u00a8"}', "body"),
    ],
)
def test_create_with_a_malformed_body_is_400(session, twinspace, body, named):
    before = set(twinspace.objectIds())
    response = session("manager").post(
        "projects/space",
        data=body,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    assert response.status_code == 400, response.text
    assert response.json()["field"] == named, response.text
    transaction.begin()
    assert set(twinspace.objectIds()) == before


@pytest.mark.parametrize(
    "body",
    [
        '{"languages": {"en": true}}',
        '{"cofounder": ["a", "b"]}',
        '{"title": 7}',
        "[]",
    ],
)
def test_update_with_a_malformed_body_is_400(session, twinspace, body):
    response = session("manager").patch(
        "projects/space",
        data=body,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    assert response.status_code == 400, response.text
    transaction.begin()
    assert twinspace.title == "A space"
    assert twinspace.languages == ["en"]


def test_good_bodies_still_work(session, twinspace):
    response = session("manager").post("projects/space", json={"@type": "Page", "title": "Fine"})
    assert response.status_code == 201
    response = session("manager").patch("projects/space", json={"title": "Renamed"})
    assert response.status_code == 204


@pytest.mark.parametrize("field,day", [("end", "7492-07-15"), ("start", "0999-01-01"), ("end", "2101-01-01")])
def test_dates_the_catalog_cannot_hold_are_400(session, twinspace, field, day):
    """Found by the fuzzer: a year past ~4000 overflows Plone's DateIndex (500 at reindexing)."""
    response = session("manager").patch("projects/space", json={field: day})
    assert response.status_code == 400, response.text
    assert field in response.json()["message"]
    transaction.begin()
    assert getattr(twinspace, field) is None
