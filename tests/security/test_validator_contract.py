"""The validator contract: NationalValidator (directly or through any group) and country CC.

Agencies assign validators in the Users control panel or with @users: the role and
the member property ``country``. Every validator action holds to it, as a table of
how the role is held × which country the account has.
"""

from collective.twinning.teachers.requests import record_request
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_space

import pytest
import transaction


# (how the role is held, the account's country) → whether it validates ES
HOLDERS = {
    "direct-es": ("direct", "ES", True),
    "group-es": ("group", "ES", True),
    "none-es": (None, "ES", False),
    "direct-it": ("direct", "IT", False),
    "group-it": ("group", "IT", False),
    "direct-empty": ("direct", "", False),
    "group-empty": ("group", "", False),
}


@pytest.fixture
def world(functional_portal):
    """A national Spanish project waiting for validation, a pending Spanish teacher, and the holder."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-eva", "ES")
    create_account("pending-pablo", "ES")
    with api.env.adopt_roles(["Manager"]):
        api.group.create(groupname="agency-staff", roles=["NationalValidator"])
    record_request("pending-pablo")
    make_space(functional_portal["projects"], "teacher-ana", "teacher-eva", "pending")

    def holder(key: str) -> str:
        how, country, _allowed = HOLDERS[key]
        userid = f"holder-{key}"
        create_account(userid, country or None, roles=["NationalValidator"] if how == "direct" else [])
        if how == "group":
            api.group.add_user(groupname="agency-staff", username=userid)
        transaction.commit()
        return userid

    return holder


def denied(response) -> bool:
    return response.status_code in (401, 403)


def can_read_validation(session) -> bool:
    return not denied(session.get("/projects/space/@validation"))


def can_approve_project(session) -> bool:
    response = session.post("/projects/space/@validation", json={"decision": "approve"})
    return response.status_code == 200


def sees_teacher_request(session) -> bool:
    response = session.get("/@teacher-requests")
    return response.status_code == 200 and "pending-pablo" in [i["id"] for i in response.json()["items"]]


def can_approve_teacher(session) -> bool:
    response = session.post("/@teacher-requests/pending-pablo", json={"decision": "approve"})
    return response.status_code == 200


def can_read_report(session) -> bool:
    return session.get("/projects/space/@report").status_code == 200


def sees_country_statistics(session) -> bool:
    response = session.get("/@twinning-stats")
    return response.status_code == 200 and response.json()["countries"] == ["ES"]


def finds_the_project(session) -> bool:
    response = session.get("/@search", params={"portal_type": "TwinSpace"})
    return response.status_code == 200 and response.json()["items_total"] == 1


def dashboard_lists_the_project(session) -> bool:
    response = session.get("/@@twinning-dashboard")
    return response.status_code == 200 and "Project space" in response.text


ACTIONS = {
    "read-validation": can_read_validation,
    "approve-project": can_approve_project,
    "see-teacher-request": sees_teacher_request,
    "approve-teacher": can_approve_teacher,
    "read-report": can_read_report,
    "country-statistics": sees_country_statistics,
    "search-visibility": finds_the_project,
    "dashboard": dashboard_lists_the_project,
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("key", HOLDERS)
def test_validator_contract(world, session_for, key, action):
    userid = world(key)

    allowed = ACTIONS[action](session_for(userid))

    assert allowed is HOLDERS[key][2]
