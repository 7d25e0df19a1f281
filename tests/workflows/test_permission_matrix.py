"""The lifecycle's permission tables, checked in Python (plone.api) for every state and role."""

from plone import api
from tests.workflows.conftest import acting_as
from tests.workflows.matrix import EXPECTED
from tests.workflows.matrix import ROLES
from tests.workflows.matrix import STATES
from tests.workflows.matrix import TRANSITIONS
from tests.workflows.tables import can
from tests.workflows.tables import transitions_for

import pytest


CHECKS = {
    "view_space": lambda space, page, own: can("View", space),
    "modify_space": lambda space, page, own: can("Modify portal content", space),
    "add_page": lambda space, page, own: (
        can("collective.twinning: Add Page", space) and can("Add portal content", space)
    ),
    "add_material": lambda space, page, own: (
        can("collective.twinning: Add Material", space) and can("Add portal content", space)
    ),
    "view_private_page": lambda space, page, own: can("View", page),
    "edit_others_page": lambda space, page, own: can("Modify portal content", page),
    "delete_others_page": lambda space, page, own: can("Delete objects", page),
    "edit_own_material": lambda space, page, own: own is not None and can("Modify portal content", own),
    "publish_page": lambda space, page, own: "publish" in transitions_for(page),
    "manage_members": lambda space, page, own: can("collective.twinning: Manage members", space),
    "manage_pupils": lambda space, page, own: can("collective.twinning: Manage pupils", space),
    "view_members": lambda space, page, own: can("collective.twinning: View members", space),
    "view_validation": lambda space, page, own: can("collective.twinning: View validation", space),
}


@pytest.mark.parametrize("state", STATES)
def test_permission_table(project_in, state):
    """Every action of the table for every role: the roles allowed are exactly the expected."""
    space, page, materials = project_in(state)
    allowed = {action: set() for action in CHECKS}
    for role in ROLES:
        own = materials.get(role, materials["founder"] if role == "manager" else None)
        with acting_as(role):
            for action, check in CHECKS.items():
                if check(space, page, own):
                    allowed[action].add(role)
    expected = {action: set(EXPECTED[action][state]) for action in CHECKS}
    assert allowed == expected


@pytest.mark.parametrize("transition,state,roles", TRANSITIONS, ids=[f"{t}-{s}" for t, s, _ in TRANSITIONS])
def test_transition_table(project_in, transition, state, roles):
    space, _page, _materials = project_in(state)
    may = set()
    for role in ROLES:
        with acting_as(role):
            if transition in transitions_for(space):
                may.add(role)
    assert may == set(roles)


@pytest.mark.parametrize("state", ["running", "concluded"])
def test_transition_really_fires(project_in, state):
    """The table's availability is real: the founder (an admin) changes the state."""
    space, _page, _materials = project_in(state)
    transition = {"running": "conclude", "concluded": "reopen"}[state]
    with acting_as("founder"):
        api.content.transition(obj=space, transition=transition)
    assert api.content.get_state(obj=space) == {"running": "concluded", "concluded": "running"}[state]
