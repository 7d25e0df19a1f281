"""The items of a search page, made from the catalog's records without brains.

``PageItems`` must answer what a brain of the record would give: its ``getURL()``, the kept
summary (the organisation's path made a URL the way the request makes one) and, for postings
and projects, the workflow state. ``PathURLs`` must make the URL ``physicalPathToURL`` makes,
under virtual hosting too.
"""

from collective.twinning.search.summaries import PageItems
from collective.twinning.search.summaries import PathURLs
from plone import api
from Testing.makerequest import makerequest
from tests.search.conftest import MANAGER
from tests.search.conftest import acting_as

import pytest


def brain_item(brain) -> dict:
    """The search item as it was made from a brain (independent of PageItems)."""
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


@pytest.mark.parametrize("portal_type,with_state,with_organisation", [
    ("TeacherProfile", False, True),
    ("Organisation", False, False),
    ("PartnerPosting", True, True),
    ("TwinSpace", True, False),
])
def test_an_item_is_what_its_brain_gives(population, portal_type, with_state, with_organisation):
    catalog = api.portal.get_tool("portal_catalog")
    with acting_as(MANAGER):
        brains = catalog(portal_type=portal_type)
    assert len(brains) >= 4
    items = PageItems(catalog, api.portal.get().REQUEST)
    for brain in brains:
        made = items(brain.getRID())
        assert made == brain_item(brain)
        assert made["@id"].endswith("/" + brain.getId)
        assert ("review_state" in made) is with_state
    linked = [items(b.getRID())["organisation"] for b in brains
              if (b.twinning_summary or {}).get("organisation")]
    if with_organisation:  # the organisation's URL, never its path
        assert linked and all(o["@id"].startswith("http") for o in linked)
        assert all("path" not in o for o in linked)


ROOT_PATHS = [
    "/plone/people/teacher-ana-es",
    "/plone/people/name with spaces",
    "/plone/organisations/école-lumière",
    "/plone/projects/our-heritage/pages/week-1",
    "/plone/projects/our-heritage",  # a virtual root below: its own URL is the host's
    "/plone/people",
    "/plone",
    "/other/thing",
]


@pytest.mark.parametrize("virtual_root,script", [
    (None, None),  # no virtual hosting
    (("", "plone"), None),  # the site as the host's root
    (("", "plone"), ["portal"]),  # under a path prefix (_vh_portal)
    (("", "plone", "people"), None),  # a folder as the root: items at the root, and above it
    (("", "plone", "projects", "our-heritage"), ["space"]),  # deeper than most containers
])
@pytest.mark.parametrize("path", ROOT_PATHS)
def test_path_urls_are_those_of_the_request(app, virtual_root, script, path):
    request = makerequest(app).REQUEST
    request.setServerURL(protocol="https", hostname="school.example", port="443")
    if virtual_root is not None:
        request.other["VirtualRootPhysicalPath"] = virtual_root
    if script is not None:
        request._script[:] = script
    urls = PathURLs(request)
    assert urls(path) == request.physicalPathToURL(path)
    assert urls(path) == request.physicalPathToURL(path)  # the container's kept URL


def test_path_urls_work_out_a_container_once(app):
    request = makerequest(app).REQUEST
    urls = PathURLs(request)
    asked = []
    original = request.physicalPathToURL
    request.physicalPathToURL = lambda path, relative=0: asked.append(path) or original(path)
    for name in ("teacher-ana-es", "teacher-luca-it", "teacher-marta-es"):
        assert urls(f"/plone/people/{name}") == original(f"/plone/people/{name}")
    assert urls("/plone/organisations/colegio-sol") == original("/plone/organisations/colegio-sol")
    assert asked == ["/plone/people", "/plone/organisations"]
