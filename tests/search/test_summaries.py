"""The items of a search page: what a brain gives (its URL, the kept summary, the state)."""

from collective.twinning.search.summaries import item_of
from plone import api
from tests.search.conftest import acting_as
from tests.search.conftest import MANAGER

import pytest


def brain_item(brain) -> dict:
    """The search item written out from the brain's own attributes."""
    summary = dict(brain.twinning_summary)
    organisation = summary.get("organisation")
    if organisation:
        summary["organisation"] = {
            "@id": brain.REQUEST.physicalPathToURL(organisation["path"]),
            "UID": organisation["UID"],
            "title": organisation["title"],
        }
    item = {"@id": brain.getURL(), **summary}
    if brain.portal_type in ("PartnerPosting", "TwinSpace"):
        item["review_state"] = brain.review_state
    return item


@pytest.mark.parametrize(
    "portal_type,with_state,with_organisation",
    [
        ("TeacherProfile", False, True),
        ("Organisation", False, False),
        ("PartnerPosting", True, True),
        ("TwinSpace", True, False),
    ],
)
def test_an_item_is_what_its_brain_gives(population, portal_type, with_state, with_organisation):
    catalog = api.portal.get_tool("portal_catalog")
    with acting_as(MANAGER):
        brains = catalog(portal_type=portal_type)
    assert len(brains) >= 4
    request = api.portal.get().REQUEST
    for brain in brains:
        made = item_of(brain, request)
        assert made == brain_item(brain)
        assert made["@id"].endswith("/" + brain.getId)
        assert ("review_state" in made) is with_state
    linked = [
        item_of(b, request)["organisation"] for b in brains if (b.twinning_summary or {}).get("organisation")
    ]
    if with_organisation:  # the organisation's URL, never its path
        assert linked and all(o["@id"].startswith("http") for o in linked)
        assert all("path" not in o for o in linked)
