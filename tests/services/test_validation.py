"""@validation through REST: who reads and decides, in which state; the European path."""

from email import message_from_bytes
from email.policy import default as email_policy
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import STATES

import pytest
import transaction


DENIED = (401, 403)  # Zope answers 401 to an authenticated user lacking a permission


@pytest.fixture
def people(functional_portal):
    create_teacher("teacher-ana", "ES")  # creator
    create_teacher("teacher-luca", "IT")  # partner founder
    create_teacher("teacher-olaf", "ES")  # outsider
    create_validator("validator-es", "ES")
    create_validator("validator-it", "IT")
    create_validator("validator-fr", "FR")
    create_account("central-eva", "BE", roles=["EuropeanValidator"])
    create_account("member-olga", "ES")
    transaction.commit()


@pytest.fixture
def space_in(functional_portal, people):
    """A European project (ES + IT) brought to a state, committed."""

    def factory(state: str):
        space = make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", state)
        transaction.commit()
        return space

    return factory


def assert_status(response, expected):
    if expected == DENIED:
        assert response.status_code in DENIED, response.text
    else:
        assert response.status_code == expected, response.text


# Who may read the checklist, in every state.
READERS = {
    "teacher-ana": 200,  # founder (Owner, TwinSpaceAdmin)
    "teacher-luca": 200,  # partner founder (TwinSpaceAdmin)
    "validator-es": 200,  # Reviewer through validators-ES
    "validator-it": 200,
    "central-eva": 200,  # EuropeanValidator
    "manager": 200,
    "validator-fr": DENIED,  # not one of the project's countries
    "teacher-olaf": DENIED,
    "member-olga": DENIED,
    "anonymous": DENIED,
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("userid,expected", READERS.items(), ids=list(READERS))
def test_get(space_in, session_for, state, userid, expected):
    space_in(state)

    response = session_for(userid).get("/projects/space/@validation")

    assert_status(response, expected)
    if expected == 200:
        body = response.json()
        assert body["state"] == state
        assert body["kind"] == "european"
        assert [(i["kind"], i.get("user") or i.get("country")) for i in body["required"]] == [
            ("partner", "teacher-luca"),
            ("national", "ES"),
            ("national", "IT"),
        ]
        assert body["complete"] is False


# Who may decide: 200 while pending, 400 in any other state; the others are refused.
DECIDERS = ("teacher-luca", "validator-es", "validator-it")
REFUSED = {
    "teacher-ana": 403,  # the creator does not accept his own project
    "central-eva": 403,  # may read, not decide
    "manager": 403,
    "validator-fr": DENIED,
    "teacher-olaf": DENIED,
    "member-olga": DENIED,
    "anonymous": DENIED,
}
POST_CASES = [
    (state, userid, (200 if state == "pending" else 400)) for state in STATES for userid in DECIDERS
] + [(state, userid, expected) for state in STATES for userid, expected in REFUSED.items()]


@pytest.mark.parametrize("decision", ["approve", "reject"])
@pytest.mark.parametrize("state,userid,expected", POST_CASES, ids=[f"{c[0]}-{c[1]}" for c in POST_CASES])
def test_post(functional_portal, space_in, session_for, state, userid, expected, decision):
    space_in(state)

    response = session_for(userid).post(
        "/projects/space/@validation", json={"decision": decision, "comment": "Reason given."}
    )

    assert_status(response, expected)
    transaction.begin()
    space = functional_portal["projects"]["space"]
    after = api.content.get_state(obj=space)
    if expected == 200:
        assert after == ("pending" if decision == "approve" else "draft")
        assert response.json()["state"] == after
    else:
        assert after == state
        if expected == 400:
            body = response.json()
            assert (body["field"], body["message"]) == (
                "state",
                "Decisions are taken while the project is pending.",
            )


def test_european_path(functional_portal, space_in, session_for):
    space_in("pending")
    already = len(functional_portal.MailHost.messages)  # the submit's

    steps = [("teacher-luca", "pending"), ("validator-es", "pending"), ("validator-it", "validated")]
    for userid, state in steps:
        response = session_for(userid).post(
            "/projects/space/@validation", json={"decision": "approve", "comment": f"OK from {userid}"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["state"] == state

    body = session_for("teacher-ana").get("/projects/space/@validation").json()
    assert body["state"] == "validated"
    assert body["complete"] is True
    assert [(i["decision"], i["by"]) for i in body["required"]] == [
        ("approve", "teacher-luca"),
        ("approve", "validator-es"),
        ("approve", "validator-it"),
    ]
    transaction.begin()
    space = functional_portal["projects"]["space"]
    assert api.content.get_state(obj=space) == "validated"
    assert space.workflow_history["twinspace_workflow"][-1]["actor"] == "validator-it"
    mails = [
        message_from_bytes(m, policy=email_policy) for m in functional_portal.MailHost.messages[already:]
    ]
    assert sorted(m["To"] for m in mails) == ["teacher-ana@example.org", "teacher-luca@example.org"]
    for mail in mails:
        assert "validated" in mail["Subject"].lower()
        assert space.absolute_url() in mail.get_payload(decode=True).decode()


def test_rejection_through_rest(functional_portal, space_in, session_for):
    space_in("pending")
    session_for("teacher-luca").post("/projects/space/@validation", json={"decision": "approve"})

    response = session_for("validator-it").post(
        "/projects/space/@validation", json={"decision": "reject", "comment": "Too vague."}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["state"] == "draft"
    assert [i["decision"] for i in body["required"]] == [None, None, None]


# (case id, raw body, the field the 400 names)
BAD_BODIES = [
    ("malformed-json", '{"decision": "approve",', "body"),
    ("list", '["approve"]', "body"),
    ("string", '"approve"', "body"),
    ("number", "1", "body"),
    ("missing-decision", '{"comment": "fine"}', "decision"),
    ("unknown-decision", '{"decision": "maybe"}', "decision"),
    ("reject-without-comment", '{"decision": "reject"}', "comment"),
    ("comment-not-text", '{"decision": "approve", "comment": 5}', "comment"),
]


@pytest.mark.parametrize("body,field", [c[1:] for c in BAD_BODIES], ids=[c[0] for c in BAD_BODIES])
def test_bad_body(functional_portal, space_in, session_for, body, field):
    space_in("pending")

    response = session_for("validator-es").post(
        "/projects/space/@validation", data=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
    after = session_for("validator-es").get("/projects/space/@validation").json()
    assert after["state"] == "pending"
    assert [i["decision"] for i in after["required"]] == [None, None, None]
