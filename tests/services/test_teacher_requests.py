"""@teacher-requests through REST: self-registration, then the national service decides."""

from email import message_from_bytes
from email.policy import default as email_policy
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import PASSWORD

import pytest
import transaction


DENIED = (401, 403)  # Zope answers 401 to an authenticated user lacking a permission


@pytest.fixture
def staff(functional_portal):
    create_validator("validator-es", "ES")
    create_validator("validator-it", "IT")
    create_teacher("teacher-ana", "ES")
    create_account("member-olga", "ES")
    transaction.commit()


def register(anon_request, userid: str, country: str):
    response = anon_request.post(
        "/@users",
        json={
            "username": userid,
            "email": f"{userid}@example.org",
            "password": PASSWORD,
            "fullname": userid.replace("-", " ").title(),
            "country": country,
        },
    )
    assert response.status_code == 201, response.text
    return response


@pytest.fixture
def applicants(staff, anon_request):
    register(anon_request, "teacher-nuria", "ES")
    register(anon_request, "teacher-marco", "IT")


def listed(session) -> list[str]:
    response = session.get("/@teacher-requests")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["items_total"] == len(body["items"])
    return [item["id"] for item in body["items"]]


def roles_of(functional_portal, userid: str) -> list[str]:
    transaction.begin()  # see what the server committed
    return api.user.get_roles(username=userid)


def test_self_registered_account_is_a_pending_member(functional_portal, applicants):
    assert "Teacher" not in roles_of(functional_portal, "teacher-nuria")
    assert api.user.get(userid="teacher-nuria").getProperty("country") == "ES"


@pytest.mark.parametrize(
    "userid,expected",
    [
        ("validator-es", ["teacher-nuria"]),
        ("validator-it", ["teacher-marco"]),
        ("manager", ["teacher-nuria", "teacher-marco"]),
    ],
)
def test_listed_for_the_validators_of_the_country(applicants, session_for, userid, expected):
    assert sorted(listed(session_for(userid))) == sorted(expected)


def test_the_listing_describes_the_request(applicants, session_for):
    [item] = session_for("validator-es").get("/@teacher-requests").json()["items"]

    assert item["id"] == "teacher-nuria"
    assert item["fullname"] == "Teacher Nuria"
    assert item["country"] == "ES"
    assert item["requested"]


def test_other_country_validator_cannot_decide(functional_portal, applicants, session_for):
    response = session_for("validator-it").post(
        "/@teacher-requests/teacher-nuria", json={"decision": "approve"}
    )

    assert response.status_code == 403, response.text
    assert "Teacher" not in roles_of(functional_portal, "teacher-nuria")
    assert listed(session_for("validator-es")) == ["teacher-nuria"]


def test_validator_of_the_country_approves(functional_portal, applicants, session_for):
    already = len(functional_portal.MailHost.messages)

    response = session_for("validator-es").post(
        "/@teacher-requests/teacher-nuria", json={"decision": "approve", "comment": "Welcome!"}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["id"] == "teacher-nuria"
    assert (body["status"], body["decided_by"]) == ("approved", "validator-es")
    assert "Teacher" in roles_of(functional_portal, "teacher-nuria")
    assert listed(session_for("validator-es")) == []
    [mail] = [
        message_from_bytes(m, policy=email_policy) for m in functional_portal.MailHost.messages[already:]
    ]
    assert mail["To"] == "teacher-nuria@example.org"
    assert "approved" in mail["Subject"]


def test_approved_teacher_can_register_a_project(applicants, session_for, payloads):
    session_for("validator-es").post("/@teacher-requests/teacher-nuria", json={"decision": "approve"})

    response = session_for("teacher-nuria").post("/projects", json=payloads["TwinSpace"])

    assert response.status_code == 201, response.text


def test_pending_member_cannot_register_a_project(applicants, session_for, payloads):
    response = session_for("teacher-nuria").post("/projects", json=payloads["TwinSpace"])

    assert response.status_code in DENIED, response.text


def test_validator_rejects(functional_portal, applicants, session_for):
    response = session_for("validator-it").post(
        "/@teacher-requests/teacher-marco", json={"decision": "reject", "comment": "Not a teacher."}
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "rejected"
    assert "Teacher" not in roles_of(functional_portal, "teacher-marco")
    assert listed(session_for("validator-it")) == []


def test_manager_decides_any_country(functional_portal, applicants, session_for):
    response = session_for("manager").post("/@teacher-requests/teacher-marco", json={"decision": "approve"})

    assert response.status_code == 200, response.text
    assert "Teacher" in roles_of(functional_portal, "teacher-marco")


@pytest.mark.parametrize("userid", ["anonymous", "member-olga", "teacher-ana", "teacher-nuria"])
def test_others_are_denied(functional_portal, applicants, session_for, userid):
    session = session_for(userid)

    assert session.get("/@teacher-requests").status_code in DENIED
    response = session.post("/@teacher-requests/teacher-nuria", json={"decision": "approve"})

    assert response.status_code in DENIED, response.text
    assert "Teacher" not in roles_of(functional_portal, "teacher-nuria")


def test_unknown_account_is_not_found(applicants, session_for):
    response = session_for("validator-es").post(
        "/@teacher-requests/nobody-here", json={"decision": "approve"}
    )

    assert response.status_code == 404, response.text


# (case id, path after the service, raw body, the field the 400 names)
BAD_REQUESTS = [
    ("unknown-decision", "/teacher-nuria", '{"decision": "accept"}', "decision"),
    ("missing-decision", "/teacher-nuria", '{"comment": "fine"}', "decision"),
    ("comment-not-text", "/teacher-nuria", '{"decision": "approve", "comment": 3}', "comment"),
    ("malformed-json", "/teacher-nuria", '{"decision": ', "body"),
    ("not-an-object", "/teacher-nuria", '["approve"]', "body"),
    ("missing-user", "", '{"decision": "approve"}', "path"),
    ("extra-path", "/teacher-nuria/more", '{"decision": "approve"}', "path"),
]


@pytest.mark.parametrize("path,body,field", [c[1:] for c in BAD_REQUESTS], ids=[c[0] for c in BAD_REQUESTS])
def test_bad_request(functional_portal, applicants, session_for, path, body, field):
    response = session_for("validator-es").post(
        f"/@teacher-requests{path}", data=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
    assert "Teacher" not in roles_of(functional_portal, "teacher-nuria")
    assert listed(session_for("validator-es")) == ["teacher-nuria"]
