"""The group permission tables, in Python (plone.api) for every state and role."""

from plone import api
from tests.workflows.conftest import acting_as
from tests.workflows.group_matrix import EXPECTED
from tests.workflows.group_matrix import ROLES
from tests.workflows.group_matrix import STATES
from tests.workflows.group_matrix import TRANSITIONS
from tests.workflows.groups import build_group
from tests.workflows.groups import GROUP_ACCOUNTS
from tests.workflows.tables import can
from tests.workflows.tables import transitions_for

import pytest


CHECKS = {
    "view_group": lambda group, private, public, own: can("View", group),
    "modify_group": lambda group, private, public, own: can("Modify portal content", group),
    "add_page": lambda group, private, public, own: (
        can("collective.twinning: Add Page", group) and can("Add portal content", group)
    ),
    "add_material": lambda group, private, public, own: (
        can("collective.twinning: Add Material", group) and can("Add portal content", group)
    ),
    "view_private_page": lambda group, private, public, own: can("View", private),
    "view_public_page": lambda group, private, public, own: can("View", public),
    "edit_others_page": lambda group, private, public, own: can("Modify portal content", private),
    "edit_own_material": lambda group, private, public, own: (
        own is not None and can("Modify portal content", own)
    ),
    "publish_page": lambda group, private, public, own: "publish" in transitions_for(private),
    "join": lambda group, private, public, own: can("collective.twinning: Join groups", group),
    "leave": lambda group, private, public, own: can("collective.twinning: View members", group),
    "view_members": lambda group, private, public, own: can("collective.twinning: View members", group),
    "manage_members": lambda group, private, public, own: can("collective.twinning: Manage members", group),
}


@pytest.mark.parametrize("state", STATES)
def test_group_permission_table(portal, state):
    """Every action of the table for every role: the roles allowed are exactly the expected."""
    group, private, public, materials = build_group(portal, state)
    allowed = {action: set() for action in CHECKS}
    for role in ROLES:
        own = materials.get(role, materials["creator"] if role == "manager" else None)
        with acting_as(role, GROUP_ACCOUNTS):
            for action, check in CHECKS.items():
                if check(group, private, public, own):
                    allowed[action].add(role)
    expected = {action: set(EXPECTED[action][state]) for action in CHECKS}
    assert allowed == expected


@pytest.mark.parametrize("transition,state,roles", TRANSITIONS, ids=[f"{t}-{s}" for t, s, _ in TRANSITIONS])
def test_group_transition_table(portal, transition, state, roles):
    group, _private, _public, _materials = build_group(portal, state)
    may = set()
    for role in ROLES:
        with acting_as(role, GROUP_ACCOUNTS):
            if transition in transitions_for(group):
                may.add(role)
    assert may == set(roles)


@pytest.mark.parametrize("role,transition", [("validator", "approve"), ("creator", "archive")])
def test_group_transition_really_fires(portal, role, transition):
    state = {"approve": "pending", "archive": "active"}[transition]
    group, _private, _public, _materials = build_group(portal, state)
    with acting_as(role, GROUP_ACCOUNTS):
        api.content.transition(obj=group, transition=transition)
    assert api.content.get_state(obj=group) == {"approve": "active", "archive": "archived"}[transition]


@pytest.mark.parametrize("state", STATES)
def test_listing_shows_members_only_the_private_page(portal, state):
    """Catalog searches (folder listings, @search) filter the private page too."""
    group, _private, _public, _materials = build_group(portal, state)
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(group.getPhysicalPath())
    for role in ("member", "teacher", "anonymous"):
        with acting_as(role, GROUP_ACCOUNTS):
            found = {b.getId for b in catalog(path={"query": path, "depth": 1}, portal_type="Page")}
        assert found == ({"page", "public"} if role == "member" else {"public"}), role
