"""The roster of a TwinSpace and the local roles its provider gives."""

from borg.localrole.interfaces import ILocalRoleProvider
from collective.twinning.membership.roles import COUNTRY_VALIDATOR_LOCAL_ROLE
from collective.twinning.membership.roles import LOCAL_ROLES
from collective.twinning.membership.roster import ANNOTATION_KEY
from collective.twinning.membership.roster import founders
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from zope.annotation.interfaces import IAnnotations
from zope.component import getAdapters

import pytest


ADMIN, TEACHER, PUPIL_ADMIN, PUPIL, OBSERVER = LOCAL_ROLES


@pytest.fixture
def space(portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "FR")
    create_teacher("teacher-cleo", "IT")
    create_account("member-dora")
    return make_space(portal["projects"], "teacher-ana", "teacher-ben", "running")


@pytest.fixture
def page(space):
    with as_system():
        return api.content.create(container=space, type="Page", id="notes", title="Private notes")


def stored_size(space) -> int:
    return IAnnotations(space)[ANNOTATION_KEY].size()


def test_local_role_ids():
    assert LOCAL_ROLES == (
        "TwinSpaceAdmin",
        "TwinSpaceTeacher",
        "TwinSpacePupilAdmin",
        "TwinSpacePupil",
        "TwinSpaceObserver",
    )


def test_founders_are_admins_without_being_stored(space):
    roster = Roster(space)
    assert founders(space) == ("teacher-ana", "teacher-ben")
    assert roster.items() == [("teacher-ana", ADMIN), ("teacher-ben", ADMIN)]
    assert roster.admins() == ["teacher-ana", "teacher-ben"]
    assert len(IAnnotations(space)[ANNOTATION_KEY].roles) == 0  # made empty with the space


@pytest.mark.parametrize("role", [TEACHER, PUPIL, OBSERVER])
def test_a_founder_stays_admin_whatever_is_stored(space, role):
    roster = Roster(space)
    roster.set("teacher-ben", role)
    assert roster.role_of("teacher-ben") == ADMIN
    assert roster.items().count(("teacher-ben", ADMIN)) == 1
    assert ("teacher-ben", role) not in roster.items()


def test_founders_without_cofounder(portal):
    create_teacher("teacher-ana")
    space = make_space(portal["projects"], "teacher-ana", None)
    assert Roster(space).items() == [("teacher-ana", ADMIN)]


def test_cofounder_equal_to_creator_counts_once(portal):
    create_teacher("teacher-ana")
    space = make_space(portal["projects"], "teacher-ana", "teacher-ana")
    assert founders(space) == ("teacher-ana",)


@pytest.mark.parametrize("role", LOCAL_ROLES)
def test_set_then_remove(space, role):
    roster = Roster(space)
    assert "teacher-cleo" not in roster
    assert roster.role_of("teacher-cleo") is None

    roster.set("teacher-cleo", role)
    assert "teacher-cleo" in roster
    assert roster.role_of("teacher-cleo") == role
    assert len(roster) == 3

    roster.remove("teacher-cleo")
    assert "teacher-cleo" not in roster
    assert len(roster) == 2


@pytest.mark.parametrize("role", ["Manager", "Owner", "Reviewer", "", None, "twinspaceadmin"])
def test_set_refuses_other_roles(space, role):
    with pytest.raises(ValueError):
        Roster(space).set("teacher-cleo", role)
    assert "teacher-cleo" not in Roster(space)


def test_length_counter(space):
    roster = Roster(space)
    roster.set("teacher-cleo", TEACHER)
    roster.set("member-dora", OBSERVER)
    assert stored_size(space) == 2
    roster.set("teacher-cleo", ADMIN)  # a change of role is no new member
    assert stored_size(space) == 2
    roster.remove("member-dora")
    assert stored_size(space) == 1
    roster.remove("member-dora")  # twice: no change
    roster.remove("nobody-here")
    assert stored_size(space) == 1


def test_roster_is_a_btree(space):
    from BTrees.Length import Length
    from BTrees.OOBTree import OOBTree

    Roster(space).set("teacher-cleo", TEACHER)
    data = IAnnotations(space)[ANNOTATION_KEY]
    assert isinstance(data.roles, OOBTree)
    assert isinstance(data.size, Length)


def test_items_founders_first_then_by_id(space):
    roster = Roster(space)
    roster.set("member-dora", OBSERVER)
    roster.set("teacher-cleo", PUPIL_ADMIN)
    roster.set("member-abel", OBSERVER)
    assert roster.items() == [
        ("teacher-ana", ADMIN),
        ("teacher-ben", ADMIN),
        ("member-abel", OBSERVER),
        ("member-dora", OBSERVER),
        ("teacher-cleo", PUPIL_ADMIN),
    ]


def test_admins_include_promoted_teachers(space):
    roster = Roster(space)
    roster.set("teacher-cleo", ADMIN)
    roster.set("member-dora", OBSERVER)
    assert roster.admins() == ["teacher-ana", "teacher-ben", "teacher-cleo"]


def test_remove_a_founder_changes_nothing(space):
    Roster(space).remove("teacher-ana")
    assert Roster(space).role_of("teacher-ana") == ADMIN


# --- the borg.localrole provider ---------------------------------------------------


def provider(space):
    adapters = [
        a for name, a in getAdapters((space,), ILocalRoleProvider) if name == "collective.twinning.roster"
    ]
    assert len(adapters) == 1
    return adapters[0]


# (principal, roster role to set or None, the roles the provider gives)
GET_ROLES = [
    ("teacher-ana", None, ["TwinSpaceAdmin"]),
    ("teacher-ben", None, ["TwinSpaceAdmin"]),
    ("teacher-cleo", "TwinSpaceTeacher", ["TwinSpaceTeacher"]),
    ("teacher-cleo", "TwinSpacePupilAdmin", ["TwinSpacePupilAdmin"]),
    ("member-dora", "TwinSpaceObserver", ["TwinSpaceObserver"]),
    ("member-dora", None, []),
    ("validators:ES", None, [COUNTRY_VALIDATOR_LOCAL_ROLE]),
    ("validators:FR", None, [COUNTRY_VALIDATOR_LOCAL_ROLE]),
    ("validators:IT", None, []),  # not a country of the project
    ("validators-ES", None, []),  # the name of a group of earlier versions: nothing
    ("validators:es", None, []),
    ("twinspace:{uid}:TwinSpaceTeacher", None, ["TwinSpaceTeacher"]),
    ("twinspace:{uid}:TwinSpaceObserver", None, ["TwinSpaceObserver"]),
    ("twinspace:{uid}:Manager", None, []),  # not a role of the roster
    ("twinspace:other-uid:TwinSpaceAdmin", None, []),  # another place's group
    ("group:{uid}:TwinSpaceAdmin", None, []),  # a Group's kind of principal
]


@pytest.mark.parametrize("principal,role,expected", GET_ROLES)
def test_provider_get_roles(space, principal, role, expected):
    if role:
        Roster(space).set(principal, role)
    assert list(provider(space).getRoles(principal.format(uid=space.UID()))) == expected


def test_validator_local_role_is_reviewer():
    assert COUNTRY_VALIDATOR_LOCAL_ROLE == "Reviewer"


def test_provider_get_all_roles(space):
    Roster(space).set("teacher-cleo", TEACHER)
    Roster(space).set("member-dora", OBSERVER)
    assert space.countries == ("ES", "FR")
    uid = space.UID()
    assert list(provider(space).getAllRoles()) == [
        (f"twinspace:{uid}:{role}", [role]) for role in LOCAL_ROLES
    ] + [("validators:ES", ["Reviewer"]), ("validators:FR", ["Reviewer"])]


def test_no_local_roles_written_on_the_space(space, page):
    roster = Roster(space)
    roster.set("teacher-cleo", TEACHER)
    roster.set("member-dora", OBSERVER)
    roster.set("teacher-cleo", ADMIN)
    assert space.__ac_local_roles__ == {"teacher-ana": ["Owner"]}
    assert all("teacher-cleo" not in (obj.__ac_local_roles__ or {}) for obj in (space, page))


@pytest.mark.parametrize("role", LOCAL_ROLES)
def test_roster_role_inherited_inside_the_space(space, page, role):
    assert role not in api.user.get_roles(username="member-dora", obj=page)
    Roster(space).set("member-dora", role)
    assert role in api.user.get_roles(username="member-dora", obj=page)
    assert role in api.user.get_roles(username="member-dora", obj=space)
    assert role not in api.user.get_roles(username="member-dora", obj=space.aq_parent)
    Roster(space).remove("member-dora")
    assert role not in api.user.get_roles(username="member-dora", obj=page)


def test_founders_admin_inside_the_space(space, page):
    assert "TwinSpaceAdmin" in api.user.get_roles(username="teacher-ben", obj=page)


def test_validators_group_gives_reviewer(space, page):
    create_validator("validator-eva", "ES")
    create_validator("validator-ivo", "IT")
    assert "Reviewer" in api.user.get_roles(username="validator-eva", obj=space)
    assert "Reviewer" in api.user.get_roles(username="validator-eva", obj=page)
    assert "Reviewer" not in api.user.get_roles(username="validator-ivo", obj=space)


def find_pages(userid: str, space) -> list[str]:
    with api.env.adopt_user(username=userid):
        return [b.getId for b in api.content.find(portal_type="Page", path="/".join(space.getPhysicalPath()))]


def test_catalog_follows_the_roster(space, page):
    assert api.content.get_state(obj=page) == "private"
    assert find_pages("teacher-cleo", space) == []
    assert find_pages("teacher-ana", space) == ["notes"]

    Roster(space).set("teacher-cleo", TEACHER)
    assert find_pages("teacher-cleo", space) == ["notes"]
    assert find_pages("member-dora", space) == []

    Roster(space).remove("teacher-cleo")
    assert find_pages("teacher-cleo", space) == []


def test_allowed_roles_and_users_lists_the_places_groups(space, page):
    catalog = api.portal.get_tool("portal_catalog")
    Roster(space).set("teacher-cleo", TEACHER)
    brain = catalog.unrestrictedSearchResults(UID=page.UID())[0]
    allowed = catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"]
    assert f"user:twinspace:{space.UID()}:TwinSpaceTeacher" in allowed
    assert "user:teacher-cleo" not in allowed


def test_a_roster_change_writes_no_catalog_record(space, page):
    catalog = api.portal.get_tool("portal_catalog")
    before = catalog.getCounter()
    roster = Roster(space)
    roster.set("teacher-cleo", TEACHER)
    roster.set("teacher-cleo", ADMIN)
    roster.set("member-dora", OBSERVER)
    roster.remove("member-dora")
    assert catalog.getCounter() == before
