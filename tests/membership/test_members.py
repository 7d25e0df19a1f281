"""Membership rules (``@members``) as plain functions: tables of good and bad input."""

from collective.twinning.membership.members import add_member
from collective.twinning.membership.members import change_role
from collective.twinning.membership.members import first_name
from collective.twinning.membership.members import list_members
from collective.twinning.membership.members import remove_member
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.roster import Roster
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.helpers import PASSWORD
from zExceptions import BadRequest
from zExceptions import NotFound

import pytest


@pytest.fixture
def space(portal, mailhost):
    """A running space: founders Ana (ES) and Ben (FR), teacher Cleo as TwinSpaceTeacher,
    Dora (a plain member) as observer, and a pupil; Eli (teacher) and Finn (member) outside."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "FR")
    create_teacher("teacher-cleo", "IT")
    create_teacher("teacher-eli", "PT")
    create_account("member-dora", "DE")
    create_account("member-finn", None)
    space = make_space(portal["projects"], "teacher-ana", "teacher-ben", "running")
    Roster(space).set("teacher-cleo", "TwinSpaceTeacher")
    Roster(space).set("member-dora", "TwinSpaceObserver")
    with api.env.adopt_user(username="teacher-ana"):
        create_pupil(space, {"username": "pupil-gala", "fullname": "Gala Maria Ortiz", "password": PASSWORD})
    mailhost.reset()
    return space


def mails(mailhost) -> list:
    return [message_from_bytes(m) for m in mailhost.messages]


def snapshot(space) -> list:
    return Roster(space).items()


# --- listing -----------------------------------------------------------------------


def test_list_members(space):
    assert list_members(space, "teacher-ana") == {
        "items": [
            {"id": "teacher-ana", "fullname": "Teacher Ana", "role": "TwinSpaceAdmin", "country": "ES"},
            {"id": "teacher-ben", "fullname": "Teacher Ben", "role": "TwinSpaceAdmin", "country": "FR"},
            {"id": "member-dora", "fullname": "Member Dora", "role": "TwinSpaceObserver", "country": "DE"},
            {"id": "pupil-gala", "fullname": "Gala Maria Ortiz", "role": "TwinSpacePupil", "country": None},
            {"id": "teacher-cleo", "fullname": "Teacher Cleo", "role": "TwinSpaceTeacher", "country": "IT"},
        ],
        "items_total": 5,
    }


@pytest.mark.parametrize(
    "viewer,pupil_view",
    [
        ("teacher-ana", False),
        ("teacher-cleo", False),
        ("member-dora", False),
        ("pupil-gala", True),
    ],
)
def test_pupils_see_first_names_only(space, viewer, pupil_view):
    names = {item["id"]: item["fullname"] for item in list_members(space, viewer)["items"]}
    if pupil_view:
        assert names == {
            "teacher-ana": "Teacher",
            "teacher-ben": "Teacher",
            "member-dora": "Member",
            "pupil-gala": "Gala",
            "teacher-cleo": "Teacher",
        }
    else:
        assert names["teacher-cleo"] == "Teacher Cleo"
        assert names["pupil-gala"] == "Gala Maria Ortiz"


def test_listing_never_has_emails(space):
    for viewer in ("teacher-ana", "pupil-gala"):
        for item in list_members(space, viewer)["items"]:
            assert set(item) == {"id", "fullname", "role", "country"}
            assert "@" not in repr(item)


def test_listing_skips_deleted_accounts(space):
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="member-dora")
    assert "member-dora" not in [item["id"] for item in list_members(space, "teacher-ana")["items"]]


@pytest.mark.parametrize(
    "fullname,expected",
    [("Gala Maria Ortiz", "Gala"), ("  Gala  ", "Gala"), ("Gala", "Gala"), ("", ""), ("   ", "")],
)
def test_first_name(fullname, expected):
    assert first_name(fullname) == expected


# --- adding ------------------------------------------------------------------------

# (userid, role): allowed additions
ADD_OK = [
    ("teacher-eli", "TwinSpaceAdmin"),
    ("teacher-eli", "TwinSpaceTeacher"),
    ("teacher-eli", "TwinSpacePupilAdmin"),
    ("teacher-eli", "TwinSpaceObserver"),
    ("member-finn", "TwinSpaceObserver"),
]


@pytest.mark.parametrize("userid,role", ADD_OK)
def test_add_member(space, mailhost, userid, role):
    assert add_member(space, userid, role) == {"id": userid, "role": role}
    assert Roster(space).role_of(userid) == role
    assert role in api.user.get_roles(username=userid, obj=space)


def test_added_member_is_mailed(space, mailhost):
    add_member(space, "teacher-eli", "TwinSpaceTeacher")
    [mail] = mails(mailhost)
    assert mail["To"] == "teacher-eli@example.org"
    assert "Project space" in str(make_header(decode_header(mail["Subject"])))
    assert "TwinSpaceTeacher" in mail.get_payload(decode=True).decode()


def test_member_without_email_is_added_unmailed(space, mailhost):
    api.user.get(userid="member-finn").setMemberProperties({"email": ""})
    add_member(space, "member-finn", "TwinSpaceObserver")
    assert Roster(space).role_of("member-finn") == "TwinSpaceObserver"
    assert mailhost.messages == []


# (case id, userid, role, the field the message names)
ADD_BAD = [
    ("no-user", None, "TwinSpaceTeacher", "user"),
    ("empty-user", "", "TwinSpaceTeacher", "user"),
    ("user-not-a-string", ["teacher-eli"], "TwinSpaceTeacher", "user"),
    ("unknown-user", "nobody-here", "TwinSpaceTeacher", "user"),
    ("group-not-user", "Administrators", "TwinSpaceObserver", "user"),
    ("no-role", "teacher-eli", None, "role"),
    ("unknown-role", "teacher-eli", "TwinSpaceKing", "role"),
    ("global-role", "teacher-eli", "Manager", "role"),
    ("reviewer-role", "teacher-eli", "Reviewer", "role"),
    ("role-wrong-case", "teacher-eli", "twinspaceteacher", "role"),
    ("role-not-a-string", "teacher-eli", ["TwinSpaceTeacher"], "role"),
    ("member-as-admin", "member-finn", "TwinSpaceAdmin", "user"),
    ("member-as-teacher", "member-finn", "TwinSpaceTeacher", "user"),
    ("member-as-pupil-admin", "member-finn", "TwinSpacePupilAdmin", "user"),
    ("member-as-pupil", "member-finn", "TwinSpacePupil", "user"),
    ("teacher-as-pupil", "teacher-eli", "TwinSpacePupil", "user"),
    ("already-member", "teacher-cleo", "TwinSpaceAdmin", "user"),
    ("already-observer", "member-dora", "TwinSpaceObserver", "user"),
    ("founder", "teacher-ben", "TwinSpaceTeacher", "user"),
    ("pupil-as-observer", "pupil-gala", "TwinSpaceObserver", "user"),
]


@pytest.mark.parametrize(
    "userid,role,field", [case[1:] for case in ADD_BAD], ids=[case[0] for case in ADD_BAD]
)
def test_add_member_rejected(space, mailhost, userid, role, field):
    before = snapshot(space)
    with pytest.raises(BadRequest) as error:
        add_member(space, userid, role)
    assert str(error.value).startswith(field)
    assert snapshot(space) == before
    assert mailhost.messages == []


def test_pupil_of_one_space_may_join_another_as_pupil(space, portal):
    other = make_space(portal["projects"], "teacher-eli", None, "running", id_="other")
    add_member(other, "pupil-gala", "TwinSpacePupil")
    assert Roster(other).role_of("pupil-gala") == "TwinSpacePupil"


# --- changing roles ----------------------------------------------------------------

# (userid, new role)
CHANGE_OK = [
    ("teacher-cleo", "TwinSpaceAdmin"),
    ("teacher-cleo", "TwinSpacePupilAdmin"),
    ("teacher-cleo", "TwinSpaceObserver"),
    ("teacher-cleo", "TwinSpaceTeacher"),
]


@pytest.mark.parametrize("userid,role", CHANGE_OK)
def test_change_role(space, userid, role):
    assert change_role(space, userid, role) == {"id": userid, "role": role}
    assert Roster(space).role_of(userid) == role
    assert len(Roster(space)) == 5


def test_promoted_admin_can_be_demoted(space):
    change_role(space, "teacher-cleo", "TwinSpaceAdmin")
    change_role(space, "teacher-cleo", "TwinSpaceObserver")
    assert Roster(space).role_of("teacher-cleo") == "TwinSpaceObserver"


# (case id, userid, role, exception, the field a BadRequest names)
CHANGE_BAD = [
    ("founder-demoted", "teacher-ana", "TwinSpaceTeacher", BadRequest, "user"),
    ("cofounder-demoted", "teacher-ben", "TwinSpaceObserver", BadRequest, "user"),
    ("founder-admin-again", "teacher-ben", "TwinSpaceAdmin", BadRequest, "user"),
    ("not-a-member", "teacher-eli", "TwinSpaceTeacher", NotFound, None),
    ("unknown-user", "nobody-here", "TwinSpaceTeacher", NotFound, None),
    ("no-role", "teacher-cleo", None, BadRequest, "role"),
    ("unknown-role", "teacher-cleo", "Owner", BadRequest, "role"),
    ("observer-to-teacher", "member-dora", "TwinSpaceTeacher", BadRequest, "user"),
    ("observer-to-admin", "member-dora", "TwinSpaceAdmin", BadRequest, "user"),
    ("observer-to-pupil", "member-dora", "TwinSpacePupil", BadRequest, "user"),
    ("teacher-to-pupil", "teacher-cleo", "TwinSpacePupil", BadRequest, "user"),
    ("pupil-to-observer", "pupil-gala", "TwinSpaceObserver", BadRequest, "user"),
    ("pupil-to-teacher", "pupil-gala", "TwinSpaceTeacher", BadRequest, "user"),
]


@pytest.mark.parametrize(
    "userid,role,exception,field",
    [case[1:] for case in CHANGE_BAD],
    ids=[case[0] for case in CHANGE_BAD],
)
def test_change_role_rejected(space, userid, role, exception, field):
    before = snapshot(space)
    with pytest.raises(exception) as error:
        change_role(space, userid, role)
    if field:
        assert str(error.value).startswith(field)
    assert snapshot(space) == before


# --- removing ----------------------------------------------------------------------


@pytest.mark.parametrize("userid", ["teacher-cleo", "member-dora", "pupil-gala"])
def test_remove_member(space, userid):
    remove_member(space, userid)
    assert userid not in Roster(space)
    assert api.user.get(userid=userid) is not None  # the account stays
    assert not {"TwinSpaceTeacher", "TwinSpaceObserver", "TwinSpacePupil"} & set(
        api.user.get_roles(username=userid, obj=space)
    )


# (case id, userid, exception)
REMOVE_BAD = [
    ("founder", "teacher-ana", BadRequest),
    ("cofounder", "teacher-ben", BadRequest),
    ("not-a-member", "teacher-eli", NotFound),
    ("unknown-user", "nobody-here", NotFound),
    ("empty", "", NotFound),
]


@pytest.mark.parametrize(
    "userid,exception", [case[1:] for case in REMOVE_BAD], ids=[case[0] for case in REMOVE_BAD]
)
def test_remove_member_rejected(space, userid, exception):
    before = snapshot(space)
    with pytest.raises(exception) as error:
        remove_member(space, userid)
    if exception is BadRequest:
        assert str(error.value).startswith("user")
    assert snapshot(space) == before


@pytest.fixture
def space_without_founders(space):
    """A space whose creators are gone from its metadata: only promoted admins remain."""
    space.setCreators(())
    space.cofounder = None
    Roster(space).set("teacher-cleo", "TwinSpaceAdmin")
    return space


def test_last_admin_cannot_leave(space_without_founders):
    space = space_without_founders
    assert Roster(space).admins() == ["teacher-cleo"]
    with pytest.raises(BadRequest) as error:
        remove_member(space, "teacher-cleo")
    assert str(error.value).startswith("user")
    with pytest.raises(BadRequest):
        change_role(space, "teacher-cleo", "TwinSpaceTeacher")
    assert Roster(space).role_of("teacher-cleo") == "TwinSpaceAdmin"


def test_an_admin_may_leave_when_another_remains(space_without_founders):
    space = space_without_founders
    Roster(space).set("teacher-eli", "TwinSpaceAdmin")
    remove_member(space, "teacher-cleo")
    assert Roster(space).admins() == ["teacher-eli"]
