"""``POST @contact`` over HTTP: who may write about what, the answer, 400 and 429."""

from collective.twinning.directory.contact import contact
from collective.twinning.directory.contact import RATE_LIMIT
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.membership.pupils import create_pupil
from email import message_from_bytes
from email.policy import default as email_policy
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD

import pytest
import time
import transaction


DENIED = (401, 403)  # Zope answers 401 to an authenticated user lacking a permission
GOOD = {"subject": "Partner for a maths project?", "message": "Hello from Sevilla!"}

TARGETS = {
    "space": "/projects/space",
    "posting": "/partner-finding/job-shadowing-genova",
    "profile": "/people/teacher-ana-es",
}


@pytest.fixture
def site(functional_portal):
    """Ana (ES) and Luca (IT) found a running project; Luca published a posting; Ana has a profile."""
    portal = functional_portal
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    create_teacher("teacher-marta-es", "ES")
    create_account("member-nora-pt", "PT")
    create_validator("validator-es", "ES")
    create_account("admin-olga", "ES", roles=["Manager"])
    space = make_space(portal["projects"], "teacher-ana-es", "teacher-luca-it", "running")
    with api.env.adopt_user(username="teacher-luca-it"):
        posting = api.content.create(
            container=portal["partner-finding"],
            type="PartnerPosting",
            id="job-shadowing-genova",
            title="We host job shadowing in Genova",
            partnership_type="ka1_job_shadowing",
            looking_for="participants",
            country="IT",
        )
        api.content.transition(obj=posting, transition="publish")
        api.content.create(
            container=portal["partner-finding"],
            type="PartnerPosting",
            id="draft-posting",
            title="Not ready",
            partnership_type="etwinning_project",
            looking_for="partner_school",
            country="IT",
        )
    sync_profile("teacher-ana-es")
    with api.env.adopt_roles(["Manager"]):
        create_pupil(space, {"username": "pupil-pablo", "fullname": "Pablo Ruiz", "password": PASSWORD})
    transaction.commit()
    return Mails(portal)


class Mails:
    """The portal, and the mails sent since the last ``mark()`` (read after the HTTP calls)."""

    def __init__(self, portal):
        self.portal = portal
        self.mark()

    def mark(self) -> None:
        self.before = len(self.portal.MailHost.messages)

    def sent(self) -> list:
        transaction.begin()  # see what the server committed
        return [
            message_from_bytes(m, policy=email_policy) for m in self.portal.MailHost.messages[self.before :]
        ]


# actor -> may contact (Teacher and administrators); the answer is {"sent": n}
SENDERS = {
    "teacher-marta-es": True,
    "admin-olga": True,
    "member-nora-pt": False,
    "validator-es": False,
    "pupil-pablo": False,
    "anonymous": False,
}
SENT = {"space": 2, "posting": 1, "profile": 1}


def test_who_may_contact(site, session_for):
    wrong = []
    for actor, may in SENDERS.items():
        for target, path in TARGETS.items():
            response = session_for(actor).post(f"{path}/@contact", json=GOOD)
            if may:
                if response.status_code != 200 or response.json() != {"sent": SENT[target]}:
                    wrong.append((actor, target, response.status_code, response.text[:200]))
            # A profile one may not see answers as a missing one (accounts/profiles.py).
            elif response.status_code not in ((*DENIED, 404) if target == "profile" else DENIED):
                wrong.append((actor, target, response.status_code, response.text[:200]))
    assert wrong == []
    mails = site.sent()
    assert len(mails) == 2 * sum(SENT.values())
    assert {m["Reply-To"].addresses[0].addr_spec for m in mails} == {
        "teacher-marta-es@example.org",
        "admin-olga@example.org",
    }


def test_the_answer_and_the_mail(site, session_for):
    response = session_for("teacher-marta-es").post(f"{TARGETS['space']}/@contact", json=GOOD)
    assert response.status_code == 200, response.text
    assert response.json() == {"sent": 2}
    assert "@example.org" not in response.text
    mails = site.sent()
    assert sorted(m["To"] for m in mails) == ["teacher-ana-es@example.org", "teacher-luca-it@example.org"]
    assert all(m["Reply-To"] == "Teacher Marta Es <teacher-marta-es@example.org>" for m in mails)
    assert all(m["From"].addresses[0].addr_spec == "portal@example.org" for m in mails)


def test_a_portal_without_sender_address_is_503(site, session_for):
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()
    response = session_for("teacher-marta-es").post(f"{TARGETS['space']}/@contact", json=GOOD)
    assert response.status_code == 503, response.text
    assert response.json()["type"] == "ServiceUnavailable"
    assert "sender address" in response.json()["message"]
    assert site.sent() == []


def test_what_the_sender_cannot_see(site, session_for):
    response = session_for("teacher-marta-es").post("/partner-finding/draft-posting/@contact", json=GOOD)
    assert response.status_code in (*DENIED, 404)
    api.user.revoke_roles(username="teacher-ana-es", roles=["Teacher"])
    sync_profile("teacher-ana-es")  # hidden
    transaction.commit()
    response = session_for("teacher-marta-es").post(f"{TARGETS['profile']}/@contact", json=GOOD)
    assert response.status_code in (*DENIED, 404)
    assert site.sent() == []


# body -> the field the 400 names
BAD = [
    ({"message": "Hello"}, "subject"),
    ({"subject": "Hi\nBcc: everyone@example.org", "message": "Hello"}, "subject"),
    ({"subject": "Hi\u2028there", "message": "Hello"}, "subject"),
    ({"subject": "x" * 201, "message": "Hello"}, "subject"),
    ({"subject": "Hi", "message": "x" * 5001}, "message"),
    ({"subject": "Hi", "message": "   "}, "message"),
]


def test_bad_input_is_400(site, session_for):
    session = session_for("teacher-marta-es")
    wrong = []
    for body, field in BAD:
        response = session.post(f"{TARGETS['posting']}/@contact", json=body)
        if response.status_code != 400 or response.json()["field"] != field:
            wrong.append((body, response.status_code, response.text[:200]))
    for raw in (b"not json", b"[1, 2]"):
        response = session.post(
            f"{TARGETS['posting']}/@contact", data=raw, headers={"Content-Type": "application/json"}
        )
        if response.status_code != 400:
            wrong.append((raw, response.status_code))
    assert wrong == []
    assert site.sent() == []


def test_more_than_20_an_hour_is_429(site, session_for):
    space = site.portal["projects"]["space"]
    with api.env.adopt_user(username="teacher-marta-es"):
        for _ in range(RATE_LIMIT):
            contact(space, "teacher-marta-es", GOOD, now=time.time())
    transaction.commit()
    site.mark()
    response = session_for("teacher-marta-es").post(f"{TARGETS['posting']}/@contact", json=GOOD)
    assert response.status_code == 429, response.text
    assert "20" in response.json()["message"]
    assert site.sent() == []
    # Another teacher still may.
    response = session_for("teacher-luca-it").post(f"{TARGETS['profile']}/@contact", json=GOOD)
    assert response.status_code == 200, response.text
