"""A deleted account leaves every roster: a new account of the same id inherits nothing."""

from collective.twinning.membership.roster import Roster
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_space


def test_deleted_account_leaves_every_roster(portal):
    create_teacher("teacher-owner", "ES")
    create_teacher("teacher-dan", "ES")
    spaces = [
        make_space(portal["projects"], "teacher-owner", None, "running", id_=f"space-{n}") for n in range(2)
    ]
    for space in spaces:
        Roster(space).set("teacher-dan", "TwinSpaceAdmin")
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="teacher-dan")
    assert all("teacher-dan" not in Roster(space) for space in spaces)
    create_account("teacher-dan", "ES")
    assert "TwinSpaceAdmin" not in api.user.get_roles(username="teacher-dan", obj=spaces[0])
