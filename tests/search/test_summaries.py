"""The items of a search page: what a brain gives (its URL, the kept summary, the state)."""

from collective.twinning.search.summaries import item_of
from collective.twinning.search.summaries import PathURLs
from OFS.Folder import Folder
from plone import api
from Testing.makerequest import makerequest
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


PATHS = ["/plone", "/plone/people", "/plone/people/ana-garcia", "/plone/projects/a b+c@d", "/other/x"]


@pytest.mark.parametrize(
    "root,script",
    [(None, []), (("", "plone"), []), (("", "plone"), ["site"]), (("", "plone", "people"), [])],
)
def test_urls_are_the_requests_under_virtual_hosting(root, script):
    """Each parent's URL made once gives the URL physicalPathToURL gives, at and below the root."""
    request = makerequest(Folder()).REQUEST
    if root is not None:
        request.other["VirtualRootPhysicalPath"] = root
    request._script = list(script)
    urls = PathURLs(request)
    assert [urls(path) for path in PATHS] == [request.physicalPathToURL(path) for path in PATHS]
