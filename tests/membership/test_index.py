"""The membership index: which places each user is in, kept by the rosters and the founders."""

from collective.twinning.membership.index import find_places
from collective.twinning.membership.index import members
from collective.twinning.membership.index import place_uids
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


def _spaces_of(userid):
    with api.env.adopt_user(username=userid):
        return sorted(b.getId for b in find_places(userid, "TwinSpace"))


def test_rosters_and_founders_are_indexed(portal):
    create_teacher("teacher-owner", "ES")
    create_teacher("teacher-it", "IT")
    create_teacher("teacher-dan", "ES")
    one = make_space(portal["projects"], "teacher-owner", "teacher-it", "running", id_="one")
    two = make_space(portal["projects"], "teacher-owner", None, "running", id_="two")
    assert _spaces_of("teacher-owner") == ["one", "two"]
    assert _spaces_of("teacher-it") == ["one"]
    Roster(two).set("teacher-dan", "TwinSpaceTeacher")
    assert _spaces_of("teacher-dan") == ["two"]
    assert members(two) == {"teacher-owner": "TwinSpaceAdmin", "teacher-dan": "TwinSpaceTeacher"}
    Roster(two).remove("teacher-dan")
    assert _spaces_of("teacher-dan") == []
    assert sorted(place_uids("teacher-owner")) == sorted([one.UID(), two.UID()])


def test_a_new_cofounder_is_indexed_and_the_old_one_forgotten(portal):
    create_teacher("teacher-owner", "ES")
    create_teacher("teacher-it", "IT")
    create_teacher("teacher-pl", "PL")
    space = make_space(portal["projects"], "teacher-owner", "teacher-it")
    with as_system():  # an administrator: founders are frozen for anyone else
        space.cofounder = "teacher-pl"
        notify(ObjectModifiedEvent(space))  # as the edit form and PATCH do
    assert members(space) == {"teacher-owner": "TwinSpaceAdmin", "teacher-pl": "TwinSpaceAdmin"}
    assert place_uids("teacher-it") == []


def test_deleting_a_space_forgets_its_members(portal):
    create_teacher("teacher-owner", "ES")
    space = make_space(portal["projects"], "teacher-owner", None)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=space)
    assert place_uids("teacher-owner") == []


def test_no_place_for_an_empty_user(portal):
    assert find_places("nobody-at-all", "TwinSpace") == []
