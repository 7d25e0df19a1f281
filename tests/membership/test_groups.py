"""Groups: their roster, who may join by access mode, leaving, invitations, @members rules."""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collective.twinning.membership.groups import invite
from collective.twinning.membership.groups import join
from collective.twinning.membership.groups import leave
from collective.twinning.membership.groups import list_invitations
from collective.twinning.membership.groups import withdraw_invitation
from collective.twinning.membership.index import place_uids
from collective.twinning.membership.members import add_member
from collective.twinning.membership.members import change_role
from collective.twinning.membership.members import list_members
from collective.twinning.membership.roster import ANNOTATION_KEY
from collective.twinning.membership.roster import GroupRoster
from collective.twinning.membership.roster import roster_of
from collective.twinning.membership.roster import RosterData
from collective.twinning.security import as_system
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_group
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import NotFound
from ZODB.FileStorage import FileStorage
from zope.annotation.interfaces import IAnnotations

import pytest
import transaction
import ZODB


@pytest.fixture
def people(portal):
    create_teacher("teacher-ana", "ES")  # creates the groups
    create_teacher("teacher-ben", "FR")
    create_teacher("teacher-cleo", "IT")
    create_account("member-dora", "ES")  # an account, not a validated teacher
    create_pupil_account("pupil-gala")
    create_validator("validator-es", "ES")


@pytest.fixture
def group_with(portal, people):
    def build(access="open", state="active"):
        return make_group(portal["groups"], "teacher-ana", access, state)

    return build


@pytest.fixture
def group(group_with):
    return group_with()


def subjects(mailhost) -> list[str]:
    return [str(make_header(decode_header(message_from_bytes(m)["Subject"]))) for m in mailhost.messages]


# --- the roster ------------------------------------------------------------------


def test_creator_is_admin_without_being_stored(group):
    roster = GroupRoster(group)
    assert roster.items() == [("teacher-ana", "GroupAdmin")]
    assert len(IAnnotations(group)[ANNOTATION_KEY].roles) == 0  # made empty with the group
    assert roster_of(group).__class__ is GroupRoster


def test_roster_is_a_btree_with_a_length(group):
    join(group, "teacher-ben")
    join(group, "member-dora")
    data = IAnnotations(group)[ANNOTATION_KEY]
    assert isinstance(data.roles, OOBTree)
    assert isinstance(data.size, Length)
    assert data.size() == 2
    leave(group, "member-dora")
    assert data.size() == 1


def test_concurrent_joins_do_not_conflict(tmp_path):
    """Two transactions adding different people to one roster both commit:
    the OOBTree and the Length resolve the conflict (a storage that resolves
    conflicts, as Zope's FileStorage and ZEO do)."""
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    setup = transaction.TransactionManager()
    root = db.open(transaction_manager=setup).root()
    root["roster"] = RosterData()
    setup.commit()
    managers = [transaction.TransactionManager() for _ in range(2)]
    rosters = [db.open(transaction_manager=tm).root()["roster"] for tm in managers]
    for userid, roster in zip(("teacher-ben", "teacher-cleo"), rosters, strict=True):
        roster.roles[userid] = "GroupMember"
        roster.size.change(1)
    for manager in managers:
        manager.commit()  # no ConflictError
    check = transaction.TransactionManager()
    roster = db.open(transaction_manager=check).root()["roster"]
    assert dict(roster.roles) == {"teacher-ben": "GroupMember", "teacher-cleo": "GroupMember"}
    assert roster.size() == 2
    db.close()


def test_members_get_local_roles_inside(group):
    join(group, "teacher-ben")
    with as_system():
        page = api.content.create(container=group, type="Page", id="page", title="Notes")
    assert "GroupMember" in api.user.get_roles(username="teacher-ben", obj=page)
    assert "GroupAdmin" in api.user.get_roles(username="teacher-ana", obj=page)
    assert "GroupMember" not in api.user.get_roles(username="teacher-cleo", obj=page)


def test_validators_of_the_creators_country_are_reviewers(group):
    assert group.countries == ("ES",)
    assert "Reviewer" in api.user.get_roles(username="validator-es", obj=group)


def test_membership_is_a_group_principal(group):
    principal = f"group:{group.UID()}:GroupMember"
    join(group, "teacher-ben")
    assert principal in api.user.get(userid="teacher-ben").getGroups()
    assert place_uids("teacher-ben") == [group.UID()]
    leave(group, "teacher-ben")
    assert principal not in api.user.get(userid="teacher-ben").getGroups()
    assert place_uids("teacher-ben") == []


def test_deleted_account_leaves_rosters_and_invitations(group_with):
    open_group = group_with("open")
    join(open_group, "teacher-ben")
    closed = make_group(open_group.aq_parent, "teacher-ana", "invitation", id_="closed")
    invite(closed, "teacher-ben", "teacher-ana")
    with as_system():
        api.user.delete(username="teacher-ben")
    assert "teacher-ben" not in GroupRoster(open_group)
    assert not GroupRoster(closed).is_invited("teacher-ben")


# --- joining: access modes ------------------------------------------------------

# (access, who, invited first, allowed)
JOIN_RULES = [
    ("open", "teacher-ben", False, True),
    ("open", "member-dora", False, True),
    ("open", "pupil-gala", False, False),
    ("etwinners", "teacher-ben", False, True),
    ("etwinners", "member-dora", False, False),
    ("etwinners", "pupil-gala", False, False),
    ("invitation", "teacher-ben", False, False),
    ("invitation", "teacher-ben", True, True),
    ("invitation", "member-dora", False, False),
    ("invitation", "pupil-gala", False, False),
]


@pytest.mark.parametrize(
    "access,userid,invited,allowed",
    JOIN_RULES,
    ids=[f"{a}-{u}-{'invited' if i else 'uninvited'}" for a, u, i, _ in JOIN_RULES],
)
def test_join_rules(group_with, access, userid, invited, allowed):
    group = group_with(access)
    if invited:
        invite(group, userid, "teacher-ana")
    if allowed:
        assert join(group, userid) == ({"id": userid, "role": "GroupMember"}, True)
        assert GroupRoster(group).role_of(userid) == "GroupMember"
        assert not GroupRoster(group).is_invited(userid)  # the invitation is used up
    else:
        with pytest.raises(Forbidden):
            join(group, userid)
        assert userid not in GroupRoster(group)


def test_pupils_are_told_why(group):
    with pytest.raises(Forbidden) as error:
        join(group, "pupil-gala")
    assert "pupil" in str(error.value)


def test_joining_twice_answers_the_membership(group):
    join(group, "teacher-ben")
    assert join(group, "teacher-ben") == ({"id": "teacher-ben", "role": "GroupMember"}, False)
    assert join(group, "teacher-ana") == ({"id": "teacher-ana", "role": "GroupAdmin"}, False)
    assert len(GroupRoster(group)) == 2


@pytest.mark.parametrize("state", ["pending", "archived"])
def test_only_active_groups_can_be_joined(group_with, state):
    group = group_with("open", state)
    with pytest.raises(Forbidden) as error:
        join(group, "teacher-ben")
    assert str(error.value) == "Only active groups can be joined."
    assert "teacher-ben" not in GroupRoster(group)


@pytest.mark.parametrize("userid", [None, ""])
def test_anonymous_cannot_join(group, userid):
    with pytest.raises(Forbidden):
        join(group, userid)


# --- leaving ----------------------------------------------------------------------


def test_member_leaves(group):
    join(group, "teacher-ben")
    leave(group, "teacher-ben")
    assert "teacher-ben" not in GroupRoster(group)


def test_creator_cannot_leave(group):
    with pytest.raises(BadRequest) as error:
        leave(group, "teacher-ana")
    assert str(error.value).startswith("user")
    assert GroupRoster(group).admins() == ["teacher-ana"]


def test_promoted_admin_may_leave(group):
    add_member(group, "teacher-ben", "GroupAdmin")
    leave(group, "teacher-ben")
    assert GroupRoster(group).admins() == ["teacher-ana"]


def test_last_admin_cannot_leave(group):
    """With the creator gone from the metadata, the promoted admin is the last one."""
    add_member(group, "teacher-ben", "GroupAdmin")
    group.setCreators(())
    with pytest.raises(BadRequest) as error:
        leave(group, "teacher-ben")
    assert "last admin" in str(error.value)
    assert GroupRoster(group).admins() == ["teacher-ben"]


def test_non_member_cannot_leave(group):
    with pytest.raises(NotFound):
        leave(group, "teacher-ben")


# --- invitations ---------------------------------------------------------------------


def test_invitation_is_listed_and_mailed(group_with, mailhost):
    group = group_with("invitation")
    mailhost.reset()
    invitation = invite(group, "teacher-ben", "teacher-ana")
    assert invitation["id"] == "teacher-ben" and invitation["by"] == "teacher-ana"
    assert list_invitations(group) == {"items": [invitation], "items_total": 1}
    assert subjects(mailhost) == ["You are invited to the group Group group"]


def test_withdrawn_invitation_no_longer_lets_in(group_with):
    group = group_with("invitation")
    invite(group, "teacher-ben", "teacher-ana")
    withdraw_invitation(group, "teacher-ben")
    with pytest.raises(Forbidden):
        join(group, "teacher-ben")
    with pytest.raises(NotFound):
        withdraw_invitation(group, "teacher-ben")


def test_adding_an_invited_person_uses_the_invitation(group_with):
    group = group_with("invitation")
    invite(group, "teacher-ben", "teacher-ana")
    add_member(group, "teacher-ben", "GroupMember")
    assert list_invitations(group)["items_total"] == 0


# (case, access, userid, invited first)
INVITE_BAD = [
    ("no-user", "invitation", None, False),
    ("unknown-user", "invitation", "nobody-here", False),
    ("already-member", "invitation", "teacher-ana", False),
    ("already-invited", "invitation", "teacher-ben", True),
    ("pupil", "open", "pupil-gala", False),
    ("not-a-teacher", "invitation", "member-dora", False),
    ("not-a-teacher-etwinners", "etwinners", "member-dora", False),
]


@pytest.mark.parametrize("access,userid,invited", [c[1:] for c in INVITE_BAD], ids=[c[0] for c in INVITE_BAD])
def test_invite_rejected(group_with, mailhost, access, userid, invited):
    group = group_with(access)
    if invited:
        invite(group, userid, "teacher-ana")
    before = list_invitations(group)
    mailhost.reset()
    with pytest.raises(BadRequest) as error:
        invite(group, userid, "teacher-ana")
    assert str(error.value).startswith("user")
    assert list_invitations(group) == before
    assert mailhost.messages == []


# --- @members on a group ------------------------------------------------------------

# (access, userid, role, allowed)
ADD_RULES = [
    ("open", "member-dora", "GroupMember", True),
    ("open", "member-dora", "GroupAdmin", False),
    ("open", "teacher-ben", "GroupAdmin", True),
    ("etwinners", "member-dora", "GroupMember", False),
    ("etwinners", "teacher-ben", "GroupMember", True),
    ("invitation", "teacher-ben", "GroupMember", True),
    ("open", "pupil-gala", "GroupMember", False),
    ("open", "teacher-ben", "TwinSpaceTeacher", False),
    ("open", "teacher-ben", "Manager", False),
]


@pytest.mark.parametrize("access,userid,role,allowed", ADD_RULES)
def test_add_member_to_group(group_with, mailhost, access, userid, role, allowed):
    group = group_with(access)
    mailhost.reset()
    if allowed:
        assert add_member(group, userid, role) == {"id": userid, "role": role}
        assert GroupRoster(group).role_of(userid) == role
        assert subjects(mailhost) == ["You were added to the group Group group"]
    else:
        with pytest.raises(BadRequest):
            add_member(group, userid, role)
        assert userid not in GroupRoster(group)
        assert mailhost.messages == []


def test_creator_cannot_be_demoted(group):
    with pytest.raises(BadRequest) as error:
        change_role(group, "teacher-ana", "GroupMember")
    assert "teacher-ana founded it and stays its admin" in str(error.value)


def test_promote_and_list(group):
    join(group, "teacher-ben")
    join(group, "member-dora")
    change_role(group, "teacher-ben", "GroupAdmin")
    listing = list_members(group, "teacher-ana")
    assert [(m["id"], m["role"]) for m in listing["items"]] == [
        ("teacher-ana", "GroupAdmin"),
        ("member-dora", "GroupMember"),
        ("teacher-ben", "GroupAdmin"),
    ]
    assert all("email" not in m for m in listing["items"])
    with pytest.raises(BadRequest):
        change_role(group, "member-dora", "GroupAdmin")  # not a validated teacher
