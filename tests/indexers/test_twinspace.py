"""The catalog's twinspace_members index follows the roster."""

from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space


def _spaces_of(userid):
    catalog = api.portal.get_tool("portal_catalog")
    with as_system():
        return sorted(b.getId for b in catalog(twinspace_members=userid))


def test_members_indexed(portal):
    create_teacher("teacher-owner", "ES")
    create_teacher("teacher-it", "IT")
    create_teacher("teacher-dan", "ES")
    make_space(portal["projects"], "teacher-owner", "teacher-it", "running", id_="one")
    two = make_space(portal["projects"], "teacher-owner", None, "running", id_="two")
    assert _spaces_of("teacher-owner") == ["one", "two"]
    assert _spaces_of("teacher-it") == ["one"]
    Roster(two).set("teacher-dan", "TwinSpaceTeacher")
    assert _spaces_of("teacher-dan") == ["two"]
    Roster(two).remove("teacher-dan")
    assert _spaces_of("teacher-dan") == []
