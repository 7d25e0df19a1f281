"""A place's transition reindexes only what acquires View from it, with the same index data as
Plone's full reindexObjectSecurity."""

from Acquisition import aq_base
from collective.twinning.security import as_system
from plone import api
from Products.CMFCore.CMFCatalogAware import CatalogAware
from tests.helpers import create_teacher
from tests.helpers import make_space

import pytest


@pytest.fixture
def space(portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    space = make_space(portal["projects"], "teacher-ana", "teacher-luca", "draft")
    with api.env.adopt_roles(["Manager"]):
        for n in range(6):
            api.content.create(container=space, type="Page", id=f"page-{n}", title=f"Page {n}")
        api.content.transition(obj=space["page-1"], transition="publish")
        # an item that takes View from the space, as a type without a workflow would
        space["page-2"].manage_permission("View", [], acquire=True)
        api.content.create(
            container=space,
            type="Mobility",
            id="mobility",
            title="Job shadowing",
            key_action="KA122",
            activity_type="job_shadowing",
            direction="outgoing",
            sending_organisation="A",
            receiving_organisation="B",
            host_country="IT",
        )
    return space


def security_of(space) -> dict:
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(space.getPhysicalPath())
    return {
        brain.getPath(): sorted(catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"])
        for brain in catalog.unrestrictedSearchResults(path=path)
    }


PATH = ["submit", "validate", "start", "conclude", "archive"]


@pytest.mark.parametrize("transitions", [PATH[: n + 1] for n in range(len(PATH))], ids=PATH)
def test_a_transition_gives_what_a_full_reindex_gives(space, transitions, monkeypatch):
    catalog = api.portal.get_tool("portal_catalog")
    with as_system():
        for transition in transitions[:-1]:
            api.content.transition(obj=space, transition=transition)
        reindexed = []
        original = type(aq_base(catalog)).reindexObject

        def recording(self, obj, idxs=[], update_metadata=1, uid=None):  # noqa: B006 - CMF's signature
            if "allowedRolesAndUsers" in (idxs or ()):
                reindexed.append(obj.getId())
            return original(self, obj, idxs, update_metadata, uid)

        monkeypatch.setattr(type(aq_base(catalog)), "reindexObject", recording)
        api.content.transition(obj=space, transition=transitions[-1])
    by_transition = sorted(reindexed)
    fast = security_of(space)

    CatalogAware.reindexObjectSecurity(space)  # Plone's own: every item of the tree

    full = security_of(space)
    assert {k: (fast[k], full[k]) for k in full if fast[k] != full[k]} == {}
    # the space and the one page taking View from it, not the other items
    assert by_transition == ["page-2", "space"]


def test_other_security_changes_still_reach_the_whole_tree(space):
    catalog = api.portal.get_tool("portal_catalog")
    counter = catalog.getCounter()
    space.reindexObjectSecurity()
    assert catalog.getCounter() - counter == len(security_of(space))
