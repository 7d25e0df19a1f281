"""Pupil accounts (``@pupils``) as plain functions: tables of good and bad input."""

from collective.twinning.membership.members import is_pupil_account
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.pupils import delete_pupil
from collective.twinning.membership.pupils import list_pupils
from collective.twinning.membership.roster import Roster
from collective.twinning.teachers.requests import pending_for
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.helpers import PASSWORD
from zExceptions import BadRequest
from zExceptions import NotFound

import pytest


@pytest.fixture
def space(portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "FR")
    create_teacher("teacher-cleo", "IT")
    create_account("member-dora")
    space = make_space(portal["projects"], "teacher-ana", "teacher-ben", "running")
    Roster(space).set("teacher-cleo", "TwinSpaceTeacher")
    Roster(space).set("member-dora", "TwinSpaceObserver")
    return space


@pytest.fixture
def other_space(portal, space):
    create_teacher("teacher-eli", "PT")
    return make_space(portal["projects"], "teacher-eli", None, "running", id_="other")


def pupil(username="pupil-gala", fullname="Gala Ortiz", password=PASSWORD, **extra) -> dict:
    return {"username": username, "fullname": fullname, "password": password, **extra}


def make(space, data, actor="teacher-cleo"):
    with api.env.adopt_user(username=actor):
        return create_pupil(space, data)


def user_ids() -> set[str]:
    return {user.getId() for user in api.user.get_users()}


# (case id, payload): accepted
CREATE_OK = [
    ("plain", pupil()),
    ("one-name", pupil(fullname="Gala")),
    ("padded", pupil(username="  pupil-gala ", fullname=" Gala Ortiz ")),
    ("underscore", pupil(username="pupil_gala")),
    ("extra-keys-ignored", pupil(email="gala@example.org", roles=["Manager"])),
]


@pytest.mark.parametrize("data", [c[1] for c in CREATE_OK], ids=[c[0] for c in CREATE_OK])
@pytest.mark.parametrize("actor", ["teacher-ana", "teacher-cleo"])
def test_create_pupil(space, data, actor):
    username = data["username"].strip()
    assert make(space, data, actor) == {"id": username, "fullname": data["fullname"].strip()}
    user = api.user.get(userid=username)
    assert user is not None
    assert user.getProperty("fullname") == data["fullname"].strip()
    assert user.getProperty("pupil_of") == space.UID()
    assert is_pupil_account(user)
    assert Roster(space).role_of(username) == "TwinSpacePupil"
    assert "TwinSpacePupil" in api.user.get_roles(username=username, obj=space)


def test_pupil_has_no_email_and_only_the_pupil_role(space):
    """Not Member: the directory is for authenticated users who are not pupils."""
    make(space, pupil())
    user = api.user.get(userid="pupil-gala")
    assert not user.getProperty("email")
    assert sorted(api.user.get_roles(username="pupil-gala")) == ["Authenticated", "Pupil"]
    groups = {group.getId() for group in api.group.get_groups(username="pupil-gala")}
    assert groups == {"AuthenticatedUsers", f"twinspace:{space.UID()}:TwinSpacePupil"}


def test_pupil_password_works(space):
    make(space, pupil())
    acl_users = api.portal.get_tool("acl_users")
    assert acl_users.authenticate("pupil-gala", PASSWORD, api.env.getRequest()) is not None
    assert acl_users.authenticate("pupil-gala", "wrong-pass-2026", api.env.getRequest()) is None


def test_pupil_is_not_a_teacher_request(space):
    make(space, pupil())
    assert "pupil-gala" not in [item["id"] for item in pending_for(None)]


def test_pupil_role_gives_nothing_outside_its_space(space, other_space):
    make(space, pupil())
    assert "TwinSpacePupil" not in api.user.get_roles(username="pupil-gala", obj=other_space)
    assert "pupil-gala" not in Roster(other_space)


def test_no_mail_for_a_pupil(space):
    host = api.portal.get_tool("MailHost")
    host.reset()
    make(space, pupil())
    assert host.messages == []


# (case id, payload, the field the message names)
CREATE_BAD = [
    ("no-username", {"fullname": "Gala Ortiz", "password": PASSWORD}, "username"),
    ("empty-username", pupil(username=""), "username"),
    ("blank-username", pupil(username="   "), "username"),
    ("username-not-a-string", pupil(username=42), "username"),
    ("username-with-space", pupil(username="pupil gala"), "username"),
    ("username-with-bang", pupil(username="pupil-gala!"), "username"),
    ("username-taken-by-teacher", pupil(username="teacher-cleo"), "username"),
    ("username-taken-by-group", pupil(username="Administrators"), "username"),
    ("username-anonymous", pupil(username="Anonymous User"), "username"),
    ("no-fullname", {"username": "pupil-gala", "password": PASSWORD}, "fullname"),
    ("empty-fullname", pupil(fullname=""), "fullname"),
    ("fullname-not-a-string", pupil(fullname=["Gala"]), "fullname"),
    ("no-password", {"username": "pupil-gala", "fullname": "Gala Ortiz"}, "password"),
    ("empty-password", pupil(password=""), "password"),
    ("password-not-a-string", pupil(password=12345678), "password"),
    ("short-password", pupil(password="abc"), "password"),
]


@pytest.mark.parametrize("data,field", [c[1:] for c in CREATE_BAD], ids=[c[0] for c in CREATE_BAD])
def test_create_pupil_rejected(space, data, field):
    users, members = user_ids(), Roster(space).items()
    with pytest.raises(BadRequest) as error:
        make(space, data)
    assert str(error.value).startswith(field)
    assert user_ids() == users
    assert Roster(space).items() == members


def test_username_taken_by_another_pupil(space, other_space):
    make(space, pupil())
    with pytest.raises(BadRequest) as error:
        make(other_space, pupil(fullname="Another Gala"), actor="teacher-eli")
    assert str(error.value).startswith("username")
    assert api.user.get(userid="pupil-gala").getProperty("pupil_of") == space.UID()
    assert "pupil-gala" not in Roster(other_space)


# --- listing -----------------------------------------------------------------------


def test_list_pupils(space, other_space):
    make(space, pupil())
    make(space, pupil(username="pupil-hugo", fullname="Hugo Blanc"))
    make(other_space, pupil(username="pupil-ines", fullname="Ines Sol"), actor="teacher-eli")
    assert list_pupils(space) == {
        "items": [
            {"id": "pupil-gala", "fullname": "Gala Ortiz"},
            {"id": "pupil-hugo", "fullname": "Hugo Blanc"},
        ],
        "items_total": 2,
    }
    assert list_pupils(other_space)["items"] == [{"id": "pupil-ines", "fullname": "Ines Sol"}]


def test_list_pupils_empty(space):
    assert list_pupils(space) == {"items": [], "items_total": 0}


# --- deleting ----------------------------------------------------------------------


def test_delete_pupil(space):
    make(space, pupil())
    with api.env.adopt_user(username="teacher-cleo"):
        delete_pupil(space, "pupil-gala")
    assert api.user.get(userid="pupil-gala") is None
    assert "pupil-gala" not in Roster(space)
    assert list_pupils(space)["items_total"] == 0


# (case id, username)
DELETE_BAD = [
    ("unknown", "nobody-here"),
    ("empty", ""),
    ("teacher-member", "teacher-cleo"),
    ("founder", "teacher-ana"),
    ("observer", "member-dora"),
    ("pupil-of-another-space", "pupil-ines"),
]


@pytest.mark.parametrize("username", [c[1] for c in DELETE_BAD], ids=[c[0] for c in DELETE_BAD])
def test_delete_pupil_rejected(space, other_space, username):
    make(space, pupil())
    make(other_space, pupil(username="pupil-ines", fullname="Ines Sol"), actor="teacher-eli")
    users, members = user_ids(), Roster(space).items()
    with pytest.raises(NotFound), api.env.adopt_user(username="teacher-cleo"):
        delete_pupil(space, username)
    assert user_ids() == users
    assert Roster(space).items() == members


def test_pupil_removed_from_roster_is_not_deletable_here(space):
    make(space, pupil())
    Roster(space).remove("pupil-gala")
    with pytest.raises(NotFound):
        delete_pupil(space, "pupil-gala")
    assert api.user.get(userid="pupil-gala") is not None


@pytest.fixture
def shared_pupil(space, other_space):
    """Gala, a pupil made by ``space``, also joins ``other_space`` as its pupil."""
    from collective.twinning.membership.members import add_member

    make(space, pupil())
    with api.env.adopt_user(username="teacher-eli"):
        add_member(other_space, "pupil-gala", "TwinSpacePupil")
    return "pupil-gala"


def test_another_space_cannot_delete_a_shared_pupil(space, other_space, shared_pupil):
    with pytest.raises(NotFound), api.env.adopt_user(username="teacher-eli"):
        delete_pupil(other_space, shared_pupil)
    assert api.user.get(userid=shared_pupil) is not None
    assert Roster(other_space).role_of(shared_pupil) == "TwinSpacePupil"


def test_deleting_a_pupil_clears_every_roster(space, other_space, shared_pupil):
    with api.env.adopt_user(username="teacher-cleo"):
        delete_pupil(space, shared_pupil)
    assert shared_pupil not in Roster(space)
    assert shared_pupil not in Roster(other_space)
    # a new account with the same name inherits nothing
    create_account(shared_pupil)
    assert "TwinSpacePupil" not in api.user.get_roles(username=shared_pupil, obj=other_space)
