"""@groups (services/groups): a group's roles reach its members' teacher profiles.

PAS grants roles to a group with no event; the add-on's PATCH and DELETE sync the
profiles of the group's members (nested groups included) after plone.restapi's own
handling; POST adds members after the roles, so PAS's events sync them. All three answer
400 naming the field where plone.restapi answers 500 or stores unknown roles, groups and
accounts."""

from collective.twinning.directory.profiles import get_profile
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher

import pytest
import transaction


def state_of(userid: str) -> str | None:
    transaction.begin()  # see what the server committed
    profile = get_profile(userid)
    return None if profile is None else api.content.get_state(obj=profile)


@pytest.fixture
def staff(functional_portal):
    """A group "school-staff" of two accounts and a nested group "new-staff" of a third;
    "hired-teachers" holds Teacher. No one has a profile yet."""
    create_account("member-nora-pt", "PT")
    create_account("member-olaf-dk", "DK")
    create_account("member-ines-pt", "PT")
    api.group.create(groupname="school-staff", title="School staff")
    api.group.create(groupname="new-staff", title="New staff")
    api.group.create(groupname="hired-teachers", title="Hired teachers", roles=["Teacher"])
    for userid in ("member-nora-pt", "member-olaf-dk"):
        api.group.add_user(groupname="school-staff", username=userid)
    api.group.add_user(groupname="new-staff", username="member-ines-pt")
    api.portal.get_tool("portal_groups").addPrincipalToGroup("new-staff", "school-staff")
    transaction.commit()
    return functional_portal


STAFF = ("member-nora-pt", "member-olaf-dk", "member-ines-pt")


def test_granting_teacher_to_a_group_shows_its_members_profiles(staff, session_for):
    manager = session_for("manager")
    answer = manager.patch("/@groups/school-staff", json={"roles": ["Teacher"]})
    assert answer.status_code == 204, answer.text
    assert [state_of(u) for u in STAFF] == ["visible"] * 3

    answer = manager.patch("/@groups/school-staff", json={"roles": []})
    assert answer.status_code == 204, answer.text
    assert [state_of(u) for u in STAFF] == ["hidden"] * 3


def test_a_group_joining_a_teachers_group_shows_its_members_profiles(staff, session_for):
    answer = session_for("manager").patch("/@groups/new-staff", json={"groups": ["hired-teachers"]})
    assert answer.status_code == 204, answer.text
    assert [state_of(u) for u in STAFF] == [None, None, "visible"]


def test_deleting_a_teachers_group_hides_its_members_profiles(staff, session_for):
    manager = session_for("manager")
    manager.patch("/@groups/school-staff", json={"roles": ["Teacher"]})
    transaction.begin()  # after what the server committed
    create_teacher("teacher-ana-es", "ES")  # the role of her own, too
    api.group.add_user(groupname="school-staff", username="teacher-ana-es")
    transaction.commit()
    assert state_of("teacher-ana-es") == "visible"

    answer = manager.delete("/@groups/school-staff")
    assert answer.status_code == 204, answer.text
    assert [state_of(u) for u in STAFF] == ["hidden"] * 3
    assert state_of("teacher-ana-es") == "visible"


def test_a_title_change_syncs_nobody(staff, session_for):
    """Only roles and groups change what the members hold: a title leaves a teacher whose
    role came without an event (grant_roles) as the sync last left them."""
    api.user.grant_roles(username="member-nora-pt", roles=["Teacher"])
    transaction.commit()
    answer = session_for("manager").patch("/@groups/school-staff", json={"title": "Staff"})
    assert answer.status_code == 204, answer.text
    assert state_of("member-nora-pt") is None


@pytest.mark.parametrize(
    ("method", "path", "body", "message"),
    [
        ("patch", "/@groups", {"roles": ["Teacher"]}, "one group id"),
        ("patch", "/@groups/school-staff/new-staff", {"roles": []}, "one group id"),
        ("delete", "/@groups", None, "one group id"),
        ("delete", "/@groups/school-staff/new-staff", None, "one group id"),
        ("patch", "/@groups/school-staff", ["Teacher"], "JSON object"),
        ("patch", "/@groups/school-staff", 7, "JSON object"),
        ("patch", "/@groups/school-staff", {"roles": ["Emperor"]}, "roles: unknown value 'Emperor'"),
        ("patch", "/@groups/school-staff", {"roles": "Teacher"}, "roles: give a list"),
        ("patch", "/@groups/school-staff", {"roles": [7]}, "roles: give a list"),
        (
            "patch",
            "/@groups/school-staff",
            {"groups": ["no-such-group"]},
            "groups: unknown value 'no-such-group'",
        ),
        ("patch", "/@groups/school-staff", {"groups": "hired-teachers"}, "groups: give a list"),
        ("patch", "/@groups/school-staff", {"users": ["member-nora-pt"]}, "users: give an object"),
        (
            "patch",
            "/@groups/school-staff",
            {"users": {"member-nora-pt": "yes"}},
            "users: 'member-nora-pt' is not valid",
        ),
        (
            "patch",
            "/@groups/school-staff",
            {"users": {"nobody-here-at-all": True}},
            "users: unknown value 'nobody-here-at-all'",
        ),
        ("patch", "/@groups/school-staff", {"title": 5}, "title: give a string"),
        (
            "patch",
            "/@groups/school-staff",
            {"roles": ["Teacher"], "description": ["x"]},
            "description: give a string",
        ),
    ],
)
def test_bad_group_calls_are_400(staff, session_for, method, path, body, message):
    call = getattr(session_for("manager"), method)
    answer = call(path, json=body) if body is not None else call(path)
    assert answer.status_code == 400, answer.text
    assert message in answer.json()["message"]
    transaction.begin()
    assert api.group.get(groupname="school-staff") is not None
    assert "Teacher" not in api.group.get_roles(groupname="school-staff")
    assert [state_of(u) for u in STAFF] == [None] * 3


def test_only_user_managers_change_groups(staff, session_for):
    create_teacher("teacher-ana-es", "ES")
    transaction.commit()
    answer = session_for("teacher-ana-es").patch("/@groups/school-staff", json={"roles": ["Teacher"]})
    assert answer.status_code in (401, 403)
    assert [state_of(u) for u in STAFF] == [None] * 3


# --- POST @groups: the body checked; members added after the roles -----------------------


def test_a_new_group_holding_teacher_shows_its_members_profiles(staff, session_for):
    answer = session_for("manager").post(
        "/@groups",
        json={
            "groupname": "spring-hires",
            "title": "Spring hires",
            "roles": ["Teacher"],
            "users": ["member-olaf-dk", "new-staff"],
        },
    )
    assert answer.status_code == 201, answer.text
    assert (answer.json()["id"], answer.json()["groupname"]) == ("spring-hires", "spring-hires")
    assert [state_of(u) for u in STAFF] == [None, "visible", "visible"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"groupname": 7}, "groupname: give a string"),
        ({"groupname": "spring-hires", "roles": ["Emperor"]}, "roles: unknown value 'Emperor'"),
        ({"groupname": "spring-hires", "roles": "Teacher"}, "roles: give a list"),
        ({"groupname": "spring-hires", "groups": ["no-such-group"]}, "groups: unknown value 'no-such-group'"),
        ({"groupname": "spring-hires", "users": "member-nora-pt"}, "users: give a list"),
        (
            {"groupname": "spring-hires", "users": ["nobody-here-at-all"]},
            "users: unknown value 'nobody-here-at-all'",
        ),
        ({"groupname": "spring-hires", "email": ["x@example.org"]}, "email: give a string"),
        (["spring-hires"], "JSON object"),
    ],
)
def test_bad_new_groups_are_400(staff, session_for, body, message):
    answer = session_for("manager").post("/@groups", json=body)
    assert answer.status_code == 400, answer.text
    assert message in answer.json()["message"]
    transaction.begin()
    assert api.group.get(groupname="spring-hires") is None
