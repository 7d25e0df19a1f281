"""The Users and Groups control panels (browser/views/usergroups.py): roles granted there
reach the teacher profiles, as through @users and @groups."""

from collective.twinning.directory.profiles import get_profile
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from ZPublisher.HTTPRequest import record

import pytest


ADMIN = "agency-admin"


def state_of(userid: str) -> str | None:
    profile = get_profile(userid)
    return None if profile is None else api.content.get_state(obj=profile)


def user_row(userid: str, roles: list[str]) -> record:
    """One row of the users form, as the publisher makes it of ``users.id:records``…"""
    row = record()
    row.id, row.roles = userid, roles
    return row


@pytest.fixture
def accounts(portal):
    create_account(ADMIN, "ES", roles=["Site Administrator"])
    create_account("member-nora-pt", "PT")
    create_teacher("teacher-ana-es", "ES")
    return portal


def modify_users(render, portal, rows, delete=()):
    form = {
        "form.submitted": "1",
        "form.button.Modify": "Apply changes",
        "users": rows,
        "delete": list(delete),
    }
    return render(portal, "usergroup-userprefs", ADMIN, form, post=True)


def test_users_panel_page_still_renders(accounts, render):
    page = render(accounts, "usergroup-userprefs", ADMIN, {"form.button.FindAll": "1"})
    assert 'name="users.id:records"' in page
    assert "member-nora-pt" in page


def test_granting_teacher_in_the_users_panel_makes_the_profile(accounts, render):
    assert state_of("member-nora-pt") is None
    modify_users(render, accounts, [user_row("member-nora-pt", ["Member", "Teacher"])])
    assert "Teacher" in api.user.get_roles(username="member-nora-pt")
    assert state_of("member-nora-pt") == "visible"

    modify_users(render, accounts, [user_row("member-nora-pt", ["Member"])])
    assert state_of("member-nora-pt") == "hidden"


def test_every_row_of_the_form_is_synced(accounts, render):
    """Rows whose roles stay as they were are synced too: a teacher granted the role without
    an event (tests.helpers.create_teacher) gets the profile she lacked, a member none."""
    assert get_profile("teacher-ana-es") is None
    modify_users(
        render,
        accounts,
        [user_row("teacher-ana-es", ["Member", "Teacher"]), user_row("member-nora-pt", ["Member"])],
    )
    assert (state_of("teacher-ana-es"), state_of("member-nora-pt")) == ("visible", None)


def test_deleting_in_the_users_panel_deletes_the_profile(accounts, render):
    modify_users(render, accounts, [user_row("teacher-ana-es", ["Member", "Teacher"])])
    assert state_of("teacher-ana-es") == "visible"
    modify_users(
        render, accounts, [user_row("teacher-ana-es", ["Member", "Teacher"])], delete=["teacher-ana-es"]
    )
    assert api.user.get(userid="teacher-ana-es") is None
    assert get_profile("teacher-ana-es") is None


@pytest.fixture
def staff_group(accounts):
    api.group.create(groupname="school-staff", title="School staff")
    api.group.add_user(groupname="school-staff", username="member-nora-pt")
    api.group.add_user(groupname="school-staff", username="teacher-ana-es")
    return accounts


def modify_groups(render, portal, roles: dict, delete=()):
    form = {"form.submitted": "1", "form.button.Modify": "Apply changes", "delete": list(delete)}
    form.update({f"group_{group_id}": ["", *group_roles] for group_id, group_roles in roles.items()})
    return render(portal, "usergroup-groupprefs", ADMIN, form, post=True)


def test_groups_panel_page_still_renders(staff_group, render):
    page = render(staff_group, "usergroup-groupprefs", ADMIN, {"form.button.FindAll": "1"})
    assert "school-staff" in page


def test_a_group_given_teacher_in_the_groups_panel_shows_its_members(staff_group, render):
    modify_groups(render, staff_group, {"school-staff": ["Teacher"]})
    assert "Teacher" in api.group.get_roles(groupname="school-staff")
    assert state_of("member-nora-pt") == "visible"

    modify_groups(render, staff_group, {"school-staff": []})
    assert state_of("member-nora-pt") == "hidden"
    assert state_of("teacher-ana-es") == "visible"  # Teacher of her own


def test_deleting_a_teachers_group_in_the_groups_panel_hides_its_members(staff_group, render):
    modify_groups(render, staff_group, {"school-staff": ["Teacher"]})
    modify_groups(render, staff_group, {}, delete=["school-staff"])
    assert api.group.get(groupname="school-staff") is None
    assert state_of("member-nora-pt") == "hidden"
    assert state_of("teacher-ana-es") == "visible"


def test_groups_whose_roles_stay_are_not_synced(staff_group, render):
    """Every listed group is in the form; only those whose roles change have their members
    synced: a member granted Teacher without an event keeps no profile until then."""
    api.group.create(groupname="book-club", title="Book club")
    api.group.add_user(groupname="book-club", username="member-nora-pt")
    api.user.grant_roles(username="member-nora-pt", roles=["Teacher"])  # no event
    modify_groups(render, staff_group, {"book-club": [], "school-staff": []})
    assert state_of("member-nora-pt") is None
    modify_groups(render, staff_group, {"book-club": ["Reader"], "school-staff": []})
    assert state_of("member-nora-pt") == "visible"
