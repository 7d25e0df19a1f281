"""``contact`` (directory.contact) as a function: who is mailed, what the mail says, bad input,
and the limit of 20 contacts per sender per hour (the clock is given)."""

from collective.twinning.directory.contact import contact
from collective.twinning.directory.contact import MAX_MESSAGE
from collective.twinning.directory.contact import MAX_SUBJECT
from collective.twinning.directory.contact import RATE_LIMIT
from collective.twinning.directory.contact import RATE_WINDOW
from collective.twinning.directory.contact import recent_sends
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.errors import ServiceUnavailable
from email import message_from_bytes
from email.policy import default as email_policy
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.search.conftest import acting_as
from zExceptions import BadRequest
from zExceptions import HTTPTooManyRequests
from zExceptions import Unauthorized

import json
import pytest


NOW = 1_800_000_000.0  # a fixed clock for the rate limit
GOOD = {"subject": "Partner for a maths project?", "message": "Hello! We teach 10-year-olds in Madrid."}


def mails(mailhost) -> list:
    return [message_from_bytes(m, policy=email_policy) for m in mailhost.messages]


@pytest.fixture
def people(portal, mailhost):
    """Ana (ES) and Luca (IT) found a running project; Luca has a published posting; Ana a profile."""
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    create_teacher("teacher-marta-es", "ES")
    create_account("member-nora-pt", "PT")
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
        draft = api.content.create(
            container=portal["partner-finding"],
            type="PartnerPosting",
            id="draft-posting",
            title="Not ready",
            partnership_type="etwinning_project",
            looking_for="partner_school",
            country="IT",
        )
    profile = sync_profile("teacher-ana-es")
    mailhost.reset()
    return {"space": space, "posting": posting, "draft": draft, "profile": profile}


def send(obj, sender="teacher-marta-es", data=None, now=NOW):
    with acting_as(sender):
        return contact(obj, sender, GOOD if data is None else data, now=now)


# target -> who is mailed when Marta writes
RECIPIENTS = {
    "space": ["teacher-ana-es@example.org", "teacher-luca-it@example.org"],  # both founders
    "posting": ["teacher-luca-it@example.org"],  # its author
    "profile": ["teacher-ana-es@example.org"],  # its owner
}


@pytest.mark.parametrize("target", sorted(RECIPIENTS))
def test_who_is_mailed(people, mailhost, target):
    answer = send(people[target])
    assert answer == {"sent": len(RECIPIENTS[target])}
    sent = mails(mailhost)
    assert sorted(m["To"] for m in sent) == RECIPIENTS[target]
    for message in sent:
        assert message["Reply-To"] == "Teacher Marta Es <teacher-marta-es@example.org>"
        assert message["From"] == "eTwinning Portal <portal@example.org>"
        assert message["Subject"].endswith("] Partner for a maths project?")
        body = message.get_content()
        assert GOOD["message"] in body
        assert people[target].absolute_url() in body
        assert "Teacher Marta Es" in body


def test_the_answer_reveals_no_address(people):
    answer = send(people["space"])
    assert "@" not in json.dumps(answer)


def test_a_founder_writing_to_their_project_reaches_the_other_founder(people, mailhost):
    assert send(people["space"], sender="teacher-luca-it") == {"sent": 1}
    assert [m["To"] for m in mails(mailhost)] == ["teacher-ana-es@example.org"]


def test_nobody_to_contact_on_ones_own_profile(people, mailhost):
    with pytest.raises(BadRequest):
        send(people["profile"], sender="teacher-ana-es")
    assert mailhost.messages == []


def test_a_posting_whose_author_is_gone(people, mailhost):
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="teacher-luca-it")
    with pytest.raises(BadRequest):
        send(people["posting"])
    assert mailhost.messages == []


def test_what_the_sender_cannot_see_cannot_be_contacted(people, mailhost):
    with pytest.raises(Unauthorized):
        send(people["draft"])
    assert mailhost.messages == []


def test_a_sender_without_email_address(people, mailhost):
    api.user.get(userid="teacher-marta-es").setMemberProperties({"email": ""})
    with pytest.raises(BadRequest):
        send(people["posting"])
    assert mailhost.messages == []


def test_a_portal_without_sender_address(people, mailhost):
    api.portal.set_registry_record("plone.email_from_address", "")
    with pytest.raises(ServiceUnavailable, match="sender address"):
        send(people["posting"])
    assert mailhost.messages == []
    assert recent_sends("teacher-marta-es", NOW) == ()


# data -> the field the 400 is about (the message names it)
BAD = [
    ({"message": "Hello"}, "subject"),
    ({"subject": "", "message": "Hello"}, "subject"),
    ({"subject": "   ", "message": "Hello"}, "subject"),
    ({"subject": 42, "message": "Hello"}, "subject"),
    ({"subject": ["Hi"], "message": "Hello"}, "subject"),
    ({"subject": "x" * (MAX_SUBJECT + 1), "message": "Hello"}, "subject"),
    ({"subject": "Hi\nBcc: everyone@example.org", "message": "Hello"}, "subject"),
    ({"subject": "Hi\rthere", "message": "Hello"}, "subject"),
    # Other line breaks would also break the header (Python's e-mail package refuses them).
    ({"subject": "Hi\u2028there", "message": "Hello"}, "subject"),
    ({"subject": "Hi\x85there", "message": "Hello"}, "subject"),
    ({"subject": "Hi\x0bthere", "message": "Hello"}, "subject"),
    ({"subject": "Hi"}, "message"),
    ({"subject": "Hi", "message": ""}, "message"),
    ({"subject": "Hi", "message": " \n "}, "message"),
    ({"subject": "Hi", "message": {"text": "Hello"}}, "message"),
    ({"subject": "Hi", "message": "x" * (MAX_MESSAGE + 1)}, "message"),
]


@pytest.mark.parametrize("data,field", BAD, ids=[f"{f}-{i}" for i, (_, f) in enumerate(BAD)])
def test_bad_input_is_400_and_nothing_is_sent_or_counted(people, mailhost, data, field):
    with pytest.raises(BadRequest) as error:
        send(people["posting"], data=data)
    assert str(error.value).startswith(f"{field}:"), str(error.value)
    assert mailhost.messages == []
    assert recent_sends("teacher-marta-es", NOW) == ()


def test_longest_texts_are_accepted_and_trimmed(people, mailhost):
    data = {"subject": f"  {'s' * MAX_SUBJECT}  ", "message": "m" * MAX_MESSAGE + "\n"}
    assert send(people["posting"], data=data) == {"sent": 1}
    [message] = mails(mailhost)
    assert message["Subject"].endswith("] " + "s" * MAX_SUBJECT)
    assert message.get_content().startswith("m" * MAX_MESSAGE + "\n\n-- \n")


# --- the rate limit ---------------------------------------------------------------------


def test_the_21st_contact_within_an_hour_is_429(people, mailhost):
    for second in range(RATE_LIMIT):
        send(people["posting"], now=NOW + second)
    assert len(mailhost.messages) == RATE_LIMIT
    with pytest.raises(HTTPTooManyRequests):
        send(people["profile"], now=NOW + 600)
    assert len(mailhost.messages) == RATE_LIMIT  # nothing sent
    assert len(recent_sends("teacher-marta-es", NOW + 600)) == RATE_LIMIT


def test_the_limit_is_a_sliding_hour(people, mailhost):
    for second in range(RATE_LIMIT):
        send(people["posting"], now=NOW + second)
    with pytest.raises(HTTPTooManyRequests):
        send(people["posting"], now=NOW + RATE_WINDOW - 1)
    # An hour after the first contact, it no longer counts: one more may go.
    assert send(people["posting"], now=NOW + RATE_WINDOW) == {"sent": 1}
    with pytest.raises(HTTPTooManyRequests):
        send(people["posting"], now=NOW + RATE_WINDOW)
    assert send(people["posting"], now=NOW + RATE_WINDOW + 2) == {"sent": 1}


def test_a_contact_to_two_founders_counts_once(people, mailhost):
    for second in range(RATE_LIMIT):
        assert send(people["space"], now=NOW + second) == {"sent": 2}
    assert len(mailhost.messages) == 2 * RATE_LIMIT
    with pytest.raises(HTTPTooManyRequests):
        send(people["space"], now=NOW + 30)


def test_each_sender_has_their_own_limit(people, mailhost):
    for second in range(RATE_LIMIT):
        send(people["posting"], now=NOW + second)
    assert send(people["posting"], sender="teacher-ana-es", now=NOW + 30) == {"sent": 1}
    with pytest.raises(HTTPTooManyRequests):
        send(people["posting"], now=NOW + 30)


def test_refused_contacts_do_not_count(people, mailhost):
    for second in range(RATE_LIMIT):
        with pytest.raises(BadRequest):
            send(people["posting"], data={"subject": "", "message": "x"}, now=NOW + second)
    assert send(people["posting"], now=NOW + 30) == {"sent": 1}
