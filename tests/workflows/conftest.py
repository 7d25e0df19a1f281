"""A project in a given state with one account per role of the permission tables."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from contextlib import contextmanager
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD

import pytest


# role of the tables -> account id (anonymous has none)
ACCOUNTS = {
    "founder": "founder-ana",
    "admin": "admin-berta",
    "teacher": "teacher-carla",
    "pupiladmin": "pupiladmin-dario",
    "pupil": "pupil-elena",
    "observer": "observer-fabio",
    "member": "member-gina",
    "validator": "validator-es",
    "other_validator": "validator-fr",
    "manager": "manager-hugo",
}
ROSTER_ROLES = {
    "admin": "TwinSpaceAdmin",
    "teacher": "TwinSpaceTeacher",
    "pupiladmin": "TwinSpacePupilAdmin",
    "observer": "TwinSpaceObserver",
}


def _owned_by(obj, userid: str):
    """Make ``userid`` the owner and creator of ``obj`` (content made as system)."""
    user = api.user.get(userid=userid).getUser()
    obj.changeOwnership(user)
    obj.manage_delLocalRoles(list(obj.__ac_local_roles__ or {}))
    obj.manage_setLocalRoles(userid, ["Owner"])
    obj.setCreators([userid])
    obj.reindexObjectSecurity()
    return obj


def build_project(portal, state: str):
    """Accounts, a project in ``state`` and content inside it; returns a namespace."""
    create_teacher(ACCOUNTS["founder"], "ES")
    create_teacher("cofounder-ivo", "IT")
    for role in ("admin", "teacher", "pupiladmin", "observer"):
        if role == "observer":
            create_account(ACCOUNTS[role], "PT")
        else:
            create_teacher(ACCOUNTS[role], "ES")
    create_account(ACCOUNTS["member"], "ES")
    create_validator(ACCOUNTS["validator"], "ES")
    create_validator(ACCOUNTS["other_validator"], "FR")
    create_account(ACCOUNTS["manager"], "ES", roles=["Manager"])

    space = make_space(portal["projects"], ACCOUNTS["founder"], "cofounder-ivo", state)
    with as_system():
        roster = Roster(space)
        for role, local_role in ROSTER_ROLES.items():
            roster.set(ACCOUNTS[role], local_role)
        create_pupil(space, {"username": ACCOUNTS["pupil"], "fullname": "Elena Pupil", "password": PASSWORD})
        page = _owned_by(
            api.content.create(container=space, type="Page", id="page", title="Private page"),
            ACCOUNTS["founder"],
        )
        materials = {}
        for role in ("founder", "admin", "teacher", "pupiladmin", "pupil", "observer"):
            materials[role] = _owned_by(
                api.content.create(
                    container=space,
                    type="Material",
                    id=f"material-{role}",
                    title=f"By {role}",
                    embed_url="https://vimeo.com/1",
                    copyright_confirmed=True,
                ),
                ACCOUNTS[role],
            )
    return space, page, materials


@contextmanager
def acting_as(role: str, accounts: dict = ACCOUNTS):
    """Run as the table's ``role`` (anonymous included)."""
    if role == "anonymous":
        previous = getSecurityManager()
        newSecurityManager(None, nobody)
        try:
            yield
        finally:
            setSecurityManager(previous)
    else:
        with api.env.adopt_user(username=accounts[role]):
            yield


@pytest.fixture
def project_in(portal):
    def build(state):
        return build_project(portal, state)

    return build
