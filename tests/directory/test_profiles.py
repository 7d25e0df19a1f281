"""Teacher profiles (directory.profiles) follow the accounts: made when the role Teacher comes
(approval, a group, @users), hidden when it goes, renamed with the account, deleted with it;
who sees and edits them; no e-mail address over REST."""

from Acquisition import aq_base
from collective.twinning.directory.profiles import get_profile
from collective.twinning.directory.profiles import group_member_ids
from collective.twinning.directory.profiles import sync_all_profiles
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.directory.profiles import sync_profiles
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.teachers.requests import decide
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.search.conftest import acting_as

import pytest
import transaction


DENIED = (401, 403)  # Zope answers 401 to an authenticated user lacking a permission


def state_of(userid: str) -> str | None:
    """The profile's state, or None when there is no profile."""
    profile = get_profile(userid)
    return None if profile is None else api.content.get_state(obj=profile)


def catalogued(userid: str) -> list[str]:
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="TeacherProfile", id=userid)
    return [b.review_state for b in brains]


def register(userid: str, country: str = "ES", fullname: str = "Rosa Navarro"):
    """A self-registered account: a pending teacher request (tests.helpers forgets it)."""
    api.user.create(
        email=f"{userid}@example.org",
        username=userid,
        password=PASSWORD,
        properties={"fullname": fullname, "country": country},
    )


# --- approval ------------------------------------------------------------------------


def test_approval_makes_a_visible_profile_owned_by_the_teacher(portal):
    create_validator("validator-es", "ES")
    register("teacher-rosa-es")
    assert get_profile("teacher-rosa-es") is None
    decide("teacher-rosa-es", "validator-es", "approve", "Welcome")

    profile = portal["people"]["teacher-rosa-es"]
    assert profile.portal_type == "TeacherProfile"
    assert state_of("teacher-rosa-es") == "visible"
    assert (profile.title, profile.fullname, profile.country) == ("Rosa Navarro", "Rosa Navarro", "ES")
    assert profile.getOwner().getId() == "teacher-rosa-es"
    assert profile.listCreators() == ("teacher-rosa-es",)
    assert "Owner" in profile.get_local_roles_for_userid("teacher-rosa-es")
    assert catalogued("teacher-rosa-es") == ["visible"]
    with acting_as("validator-es"):
        assert api.user.has_permission("View", obj=profile)


def test_rejection_makes_no_profile(portal):
    create_validator("validator-es", "ES")
    register("teacher-rosa-es")
    decide("teacher-rosa-es", "validator-es", "reject", "Not a teacher")
    assert get_profile("teacher-rosa-es") is None
    assert catalogued("teacher-rosa-es") == []


# --- a group holding Teacher -----------------------------------------------------------


@pytest.fixture
def teachers_group(portal):
    return api.group.create(groupname="approved-teachers", title="Approved teachers", roles=["Teacher"])


def test_joining_a_teachers_group_shows_the_profile_leaving_hides_it(portal, teachers_group):
    create_account("member-nora-pt", "PT")
    assert get_profile("member-nora-pt") is None

    api.group.add_user(groupname="approved-teachers", username="member-nora-pt")
    assert state_of("member-nora-pt") == "visible"
    profile = get_profile("member-nora-pt")
    profile.subjects = ["music"]

    api.group.remove_user(groupname="approved-teachers", username="member-nora-pt")
    assert state_of("member-nora-pt") == "hidden"
    assert catalogued("member-nora-pt") == ["hidden"]

    api.group.add_user(groupname="approved-teachers", username="member-nora-pt")
    assert state_of("member-nora-pt") == "visible"
    assert aq_base(get_profile("member-nora-pt")) is aq_base(profile)  # the same one, answers kept
    assert profile.subjects == ["music"]


def test_leaving_the_group_keeps_a_teacher_who_holds_the_role_directly(portal, teachers_group):
    create_teacher("teacher-ana-es", "ES")
    api.group.add_user(groupname="approved-teachers", username="teacher-ana-es")
    assert state_of("teacher-ana-es") == "visible"
    api.group.remove_user(groupname="approved-teachers", username="teacher-ana-es")
    assert state_of("teacher-ana-es") == "visible"


def test_a_group_joining_or_leaving_a_teachers_group_syncs_its_members(portal, teachers_group):
    create_account("member-nora-pt", "PT")
    api.group.create(groupname="new-staff")
    api.group.add_user(groupname="new-staff", username="member-nora-pt")
    groups_tool = api.portal.get_tool("portal_groups")
    groups_tool.addPrincipalToGroup("new-staff", "approved-teachers")
    assert state_of("member-nora-pt") == "visible"
    groups_tool.removePrincipalFromGroup("new-staff", "approved-teachers")
    assert state_of("member-nora-pt") == "hidden"


def test_a_group_without_teacher_changes_nothing(portal):
    api.group.create(groupname="book-club", title="Book club")
    create_account("member-nora-pt", "PT")
    api.group.add_user(groupname="book-club", username="member-nora-pt")
    assert get_profile("member-nora-pt") is None


# --- roles changed without an event: sync_all_profiles repairs -------------------------


def test_sync_all_profiles_repairs_role_changes_made_without_event(portal):
    create_teacher("teacher-ana-es", "ES")  # grant_roles: no PAS event
    create_teacher("teacher-luca-it", "IT")
    create_account("member-nora-pt", "PT")
    assert get_profile("teacher-ana-es") is None
    assert sync_all_profiles() == 2
    assert (state_of("teacher-ana-es"), state_of("teacher-luca-it")) == ("visible", "visible")
    assert state_of("member-nora-pt") is None

    api.user.revoke_roles(username="teacher-luca-it", roles=["Teacher"])
    assert state_of("teacher-luca-it") == "visible"  # nothing told the sync yet
    assert sync_all_profiles() == 2  # Luca still has a profile to look at
    assert (state_of("teacher-ana-es"), state_of("teacher-luca-it")) == ("visible", "hidden")


def test_group_member_ids_follow_nested_groups(portal):
    for userid in ("member-nora-pt", "member-olaf-dk", "member-ines-pt"):
        create_account(userid, "PT")
    groups_tool = api.portal.get_tool("portal_groups")
    for group_id in ("school-staff", "new-staff", "interns"):
        api.group.create(groupname=group_id)
    api.group.add_user(groupname="school-staff", username="member-nora-pt")
    api.group.add_user(groupname="new-staff", username="member-olaf-dk")
    api.group.add_user(groupname="interns", username="member-ines-pt")
    groups_tool.addPrincipalToGroup("new-staff", "school-staff")
    groups_tool.addPrincipalToGroup("interns", "new-staff")
    groups_tool.addPrincipalToGroup("school-staff", "interns")  # a cycle ends too
    assert group_member_ids("school-staff") == {"member-nora-pt", "member-olaf-dk", "member-ines-pt"}
    assert group_member_ids("interns") == {"member-nora-pt", "member-olaf-dk", "member-ines-pt"}
    api.group.create(groupname="empty-group")
    assert group_member_ids("empty-group") == set()


def test_sync_profiles_syncs_each_account_once(portal):
    create_teacher("teacher-ana-es", "ES")
    create_account("member-nora-pt", "PT")
    assert sync_profiles(["teacher-ana-es", "member-nora-pt", "teacher-ana-es"]) == 2
    assert (state_of("teacher-ana-es"), state_of("member-nora-pt")) == ("visible", None)


def test_sync_profile_answers(portal):
    create_teacher("teacher-ana-es", "ES")
    create_account("member-nora-pt", "PT")
    assert aq_base(sync_profile("teacher-ana-es")) is aq_base(get_profile("teacher-ana-es"))
    assert sync_profile("member-nora-pt") is None
    assert sync_profile("nobody-of-that-name") is None


def test_pupils_never_get_a_profile(portal):
    create_teacher("teacher-ana-es", "ES")
    space = make_space(portal["projects"], "teacher-ana-es", None, "running")
    with api.env.adopt_roles(["Manager"]):
        create_pupil(space, {"username": "pupil-pablo", "fullname": "Pablo Ruiz", "password": PASSWORD})
    api.user.grant_roles(username="pupil-pablo", roles=["Teacher"])  # by mistake
    assert sync_profile("pupil-pablo") is None
    assert get_profile("pupil-pablo") is None
    assert "pupil-pablo" not in list(portal["people"].objectIds())
    sync_all_profiles()
    assert get_profile("pupil-pablo") is None


# --- the account's name, country and deletion -----------------------------------------


def test_fullname_and_country_follow_the_account(portal):
    create_teacher("teacher-ana-es", "ES")
    profile = sync_profile("teacher-ana-es")
    api.user.get(userid="teacher-ana-es").setMemberProperties({"fullname": "Ana Pérez Gil", "country": "PT"})
    assert (profile.title, profile.fullname, profile.country) == ("Ana Pérez Gil", "Ana Pérez Gil", "PT")
    catalog = api.portal.get_tool("portal_catalog")
    [brain] = catalog.unrestrictedSearchResults(portal_type="TeacherProfile", country="PT")
    assert brain.Title == "Ana Pérez Gil"
    assert brain.getId == "teacher-ana-es"


def test_the_profile_title_cannot_be_set_apart_from_the_account(portal):
    create_teacher("teacher-ana-es", "ES")
    profile = sync_profile("teacher-ana-es")
    profile.title = "Someone else"
    assert profile.title == "Teacher Ana Es"  # tests.helpers names accounts after their id


def test_deleting_the_account_deletes_the_profile(portal):
    create_teacher("teacher-ana-es", "ES")
    sync_profile("teacher-ana-es")
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="teacher-ana-es")
    assert get_profile("teacher-ana-es") is None
    assert catalogued("teacher-ana-es") == []


def test_deleting_a_hidden_profiles_account(portal):
    create_teacher("teacher-ana-es", "ES")
    sync_profile("teacher-ana-es")
    api.user.revoke_roles(username="teacher-ana-es", roles=["Teacher"])
    sync_profile("teacher-ana-es")
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="teacher-ana-es")
    assert get_profile("teacher-ana-es") is None


# --- who sees and edits a profile (state × role × action) -------------------------------

ROLES = (
    "anonymous",
    "pupil",
    "member",
    "owner",
    "other_teacher",
    "national_validator",
    "european_validator",
    "manager",
)
PROFILE_ACCOUNTS = {
    "anonymous": None,
    "pupil": "pupil-pablo",
    "member": "member-nora-pt",
    "owner": "teacher-ana-es",
    "other_teacher": "teacher-luca-it",
    "national_validator": "validator-es",
    "european_validator": "validator-eu",
    "manager": "admin-olga",
}
PROFILE_TABLE = {
    "visible": {
        "view": {"member", "owner", "other_teacher", "national_validator", "european_validator", "manager"},
        "edit": {"owner", "manager"},
        "delete": {"manager"},
    },
    "hidden": {
        "view": {"owner", "manager"},
        "edit": {"manager"},
        "delete": {"manager"},
    },
}
PERMISSIONS = {"view": "View", "edit": "Modify portal content", "delete": "Delete objects"}


def build_directory_people(portal):
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    create_account("member-nora-pt", "PT")
    create_validator("validator-es", "ES")
    create_account("validator-eu", "BE", roles=["EuropeanValidator"])
    create_account("admin-olga", "ES", roles=["Manager"])
    space = make_space(portal["projects"], "teacher-luca-it", None, "running")
    with api.env.adopt_roles(["Manager"]):
        create_pupil(space, {"username": "pupil-pablo", "fullname": "Pablo Ruiz", "password": PASSWORD})
    sync_profile("teacher-luca-it")
    return sync_profile("teacher-ana-es")


@pytest.mark.parametrize("state", sorted(PROFILE_TABLE))
def test_profile_permission_table(portal, state):
    profile = build_directory_people(portal)
    if state == "hidden":
        api.user.revoke_roles(username="teacher-ana-es", roles=["Teacher"])
        sync_profile("teacher-ana-es")
    assert api.content.get_state(obj=profile) == state
    allowed = {action: set() for action in PERMISSIONS}
    for role in ROLES:
        with acting_as(PROFILE_ACCOUNTS[role]):
            for action, permission in PERMISSIONS.items():
                if api.user.has_permission(permission, obj=profile):
                    allowed[action].add(role)
    assert allowed == PROFILE_TABLE[state]


def test_only_the_system_fires_the_profile_transitions(portal):
    profile = build_directory_people(portal)
    workflow = api.portal.get_tool("portal_workflow")
    may = set()
    for role in ROLES:
        with acting_as(PROFILE_ACCOUNTS[role]):
            if workflow.getTransitionsFor(profile):
                may.add(role)
    assert may == {"manager"}


# --- over REST: @users, and the profile itself ------------------------------------------


@pytest.fixture
def rest_people(functional_portal):
    build_directory_people(functional_portal)
    transaction.commit()


def test_users_patch_roles_shows_and_hides_the_profile(rest_people, session_for):
    manager = session_for("manager")
    response = manager.patch("/@users/member-nora-pt", json={"roles": {"Teacher": True}})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert state_of("member-nora-pt") == "visible"

    response = manager.patch("/@users/member-nora-pt", json={"roles": {"Teacher": False}})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert state_of("member-nora-pt") == "hidden"


def test_users_patch_fullname_renames_the_profile(rest_people, session_for):
    response = session_for("teacher-ana-es").patch("/@users/teacher-ana-es", json={"fullname": "Ana Ortega"})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert get_profile("teacher-ana-es").title == "Ana Ortega"


def test_users_post_with_the_teacher_role_makes_the_profile(rest_people, session_for):
    response = session_for("manager").post(
        "/@users",
        json={
            "username": "teacher-ines-pt",
            "email": "teacher-ines-pt@example.org",
            "password": PASSWORD,
            "fullname": "Inês Costa",
            "country": "PT",
            "roles": ["Teacher"],
        },
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    assert state_of("teacher-ines-pt") == "visible"
    assert get_profile("teacher-ines-pt").title == "Inês Costa"


def test_users_delete_deletes_the_profile(rest_people, session_for):
    response = session_for("manager").delete("/@users/teacher-ana-es")
    assert response.status_code == 204, response.text
    transaction.begin()
    assert get_profile("teacher-ana-es") is None


# actor -> status of GET /people/teacher-ana-es
# Those who may not see profiles get the answer of a missing one (tests/security/test_account_enumeration.py).
GET_STATUS = {
    "anonymous": (404,),
    "pupil": (404,),
    "member": (200,),
    "owner": (200,),
    "other_teacher": (200,),
    "national_validator": (200,),
    "european_validator": (200,),
    "manager": (200,),
}


def test_profile_over_rest_never_shows_an_email(rest_people, session_for):
    wrong = []
    for role, statuses in GET_STATUS.items():
        userid = PROFILE_ACCOUNTS[role] or "anonymous"
        response = session_for(userid).get("/people/teacher-ana-es")
        if response.status_code not in statuses or "@example.org" in response.text:
            wrong.append((role, response.status_code))
        if response.status_code == 200:
            body = response.json()
            assert (body["fullname"], body["country"]["token"]) == ("Teacher Ana Es", "ES")
            assert "email" not in body
    assert wrong == []


def test_the_owner_edits_the_profile_but_not_what_comes_from_the_account(rest_people, session_for):
    response = session_for("teacher-ana-es").patch(
        "/people/teacher-ana-es",
        json={"bio": "History teacher in Madrid.", "subjects": ["history"], "country": "FR", "fullname": "X"},
    )
    assert response.status_code == 204, response.text
    response = session_for("teacher-luca-it").patch("/people/teacher-ana-es", json={"bio": "Hacked"})
    assert response.status_code in DENIED
    transaction.begin()
    profile = get_profile("teacher-ana-es")
    assert (profile.bio, profile.subjects) == ("History teacher in Madrid.", ["history"])
    assert (profile.country, profile.title) == ("ES", "Teacher Ana Es")
