"""Attacker stories: listing pupils' names and ids through Plone's user pickers.

Any member (even one waiting for validation) asked
``@vocabularies/plone.app.vocabularies.Users?title=...`` and read every pupil's
full name and id. Pupils are listed to administrators only (their teachers use
``@pupils``); accounts are listed to validated teachers (a picker to find
colleagues), validators and administrators, not to a member waiting for
validation nor to a pupil.
"""

from collective.twinning.interfaces import IBrowserLayer
from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.security.conftest import DENIED
from zope.interface import alsoProvides

import pytest
import transaction


# The accounts to find, all with "Garcia" in their full name.
ACCOUNTS = {
    "teacher": "teacher-garcia",
    "validator": "validator-garcia",
    "pending": "member-garcia",
    "pupil": "pupil-garcia",
}
# viewer -> the kinds of account listed to them (None: may not list accounts at all)
LISTED = {
    "manager": {"teacher", "validator", "pending", "pupil"},
    "teacher-viewer": {"teacher", "validator", "pending"},
    "validator-viewer": {"teacher", "validator", "pending"},
    "member-viewer": None,
    "pupil-viewer": None,
    "anonymous": None,
}
VOCABULARIES = ("plone.app.vocabularies.Users", "plone.app.vocabularies.Principals")


def make_cast():
    create_teacher("teacher-garcia", "ES")
    create_validator("validator-garcia", "ES")
    create_account("member-garcia", "ES")
    create_pupil_account("pupil-garcia")
    create_teacher("teacher-viewer", "IT")
    create_validator("validator-viewer", "IT")
    create_account("member-viewer", "IT")
    create_pupil_account("pupil-viewer")


@pytest.fixture
def cast(functional_portal):
    make_cast()
    transaction.commit()
    return functional_portal


def listed_ids(items: list) -> set:
    return {item["token"].removeprefix("user__") for item in items}


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
@pytest.mark.parametrize("viewer,kinds", LISTED.items())
def test_who_lists_whom(cast, session_for, viewer, kinds, vocabulary):
    response = session_for(viewer).get(
        f"@vocabularies/{vocabulary}", params={"title": "garcia", "b_size": 100}
    )
    if kinds is None:
        assert response.status_code in DENIED
        assert "garcia" not in response.text.lower()
        return
    assert response.status_code == 200, response.text
    found = listed_ids(response.json()["items"])
    assert found == {ACCOUNTS[kind] for kind in kinds}


@pytest.mark.parametrize("viewer", ["teacher-viewer", "validator-viewer"])
def test_no_pupil_whatever_the_query(cast, session_for, viewer):
    """Not by name, not by id, not the whole list."""
    session = session_for(viewer)
    for params in ({"title": "pupil"}, {"token": "pupil-garcia"}, {"b_size": 1000}):
        response = session.get("@vocabularies/plone.app.vocabularies.Users", params=params)
        assert response.status_code == 200
        items = response.json()["items"]
        assert not any("pupil" in f"{item['token']} {item['title']}".lower() for item in items)


def test_member_search_leaves_pupils_out(portal, request):
    """Plone's Users search form (Classic UI) answers the same."""
    make_cast()
    http_request = portal.REQUEST
    alsoProvides(http_request, IBrowserLayer)
    http_request.form.update({"form.widgets.fullname": "garcia"})
    for viewer, kinds in [("teacher-viewer", LISTED["teacher-viewer"]), ("manager", LISTED["manager"])]:
        if viewer == "manager":
            context = api.env.adopt_roles(["Manager"])
        else:
            context = api.env.adopt_user(username=viewer)
        with context:
            view = api.content.get_view("member-search", portal, http_request)
            found = {info["userid"] for info in view.results}
        assert found == {ACCOUNTS[kind] for kind in kinds}, viewer


def test_pending_member_may_not_search_members(portal):
    make_cast()
    permissions = api.user.get_permissions(username="member-viewer", obj=portal)
    assert permissions["List portal members"] is False
    teacher = api.user.get_permissions(username="teacher-viewer", obj=portal)
    assert teacher["List portal members"] is True


def test_upgrade_takes_listing_from_members(portal):
    from collective.twinning.upgrades.v1003_list_members import upgrade

    portal.manage_permission("List portal members", ["Manager", "Site Administrator", "Member"], acquire=True)
    upgrade()
    roles = {entry["name"] for entry in portal.rolesOfPermission("List portal members") if entry["selected"]}
    assert roles == {"Manager", "Site Administrator", "Teacher", "NationalValidator", "EuropeanValidator"}
