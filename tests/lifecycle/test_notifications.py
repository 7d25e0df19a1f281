"""Mails about a project's lifecycle, through the (mock) MailHost."""

from Acquisition import aq_base
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.lifecycle.checklist import decide
from collective.twinning.lifecycle.notifications import send_mail
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from zExceptions import BadRequest

import pytest


@pytest.fixture
def people(portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    create_teacher("teacher-olaf", "ES")  # not in the project
    create_validator("validator-es", "ES")
    create_validator("validator-es-two", "ES")
    create_validator("validator-it", "IT")
    create_validator("validator-fr", "FR")


@pytest.fixture
def draft(portal, people):
    return make_space(portal["projects"], "teacher-ana", "teacher-luca", "draft")


@pytest.fixture
def pending(portal, people):
    return make_space(portal["projects"], "teacher-ana", "teacher-luca", "pending")


def mails(host) -> list:
    result = []
    for raw in host.messages:
        message = message_from_bytes(raw if isinstance(raw, bytes) else raw.encode())
        payload = message.get_payload(decode=True)
        result.append(
            {
                "to": message["To"],
                "subject": str(make_header(decode_header(message["Subject"]))),
                "body": payload.decode(message.get_content_charset() or "utf-8"),
            }
        )
    return result


def recipients(host) -> set[str]:
    return {mail["to"] for mail in mails(host)}


def address(userid: str) -> str:
    return f"{userid}@example.org"


def decide_as(space, userid, decision, comment=None):
    with api.env.adopt_user(username=userid):
        return decide(space, userid, decision, comment)


def submit(space, userid="teacher-ana"):
    with api.env.adopt_user(username=userid):
        api.content.transition(obj=space, transition="submit")


def test_submit_mails_partner_and_validators_of_both_countries(draft, mailhost):
    submit(draft)

    assert recipients(mailhost) == {
        address(u) for u in ("teacher-luca", "validator-es", "validator-es-two", "validator-it")
    }
    assert len(mailhost.messages) == 4  # once each
    for mail in mails(mailhost):
        assert "submitted" in mail["subject"].lower()
        assert draft.Title() in mail["subject"]
        assert draft.absolute_url() in mail["body"]


def test_submit_by_the_partner_still_mails_validators(draft, mailhost):
    submit(draft, "teacher-luca")

    assert {address("validator-es"), address("validator-it")} <= recipients(mailhost)
    assert address("validator-fr") not in recipients(mailhost)
    assert address("teacher-olaf") not in recipients(mailhost)


def test_validated_mails_the_founders(pending, mailhost):
    decide_as(pending, "teacher-luca", "approve")
    decide_as(pending, "validator-es", "approve")
    assert mailhost.messages == []  # nothing until the project moves

    decide_as(pending, "validator-it", "approve")

    assert recipients(mailhost) == {address("teacher-ana"), address("teacher-luca")}
    for mail in mails(mailhost):
        assert "validated" in mail["subject"].lower()
        assert pending.absolute_url() in mail["body"]


def test_rejected_mails_the_founders_with_the_reason(pending, mailhost):
    decide_as(pending, "validator-it", "reject", "Please describe the pupils' work.")

    assert recipients(mailhost) == {address("teacher-ana"), address("teacher-luca")}
    for mail in mails(mailhost):
        assert "rejected" in mail["subject"].lower()
        assert pending.absolute_url() in mail["body"]
        assert "Please describe the pupils' work." in mail["body"]


def test_refused_decision_sends_nothing(pending, mailhost):
    with pytest.raises(BadRequest):
        decide_as(pending, "validator-it", "reject", "")

    assert mailhost.messages == []


def test_user_without_email_is_skipped(draft, mailhost):
    api.user.get(userid="validator-it").setMemberProperties({"email": ""})

    submit(draft)

    assert address("validator-it") not in recipients(mailhost)
    assert recipients(mailhost) == {address(u) for u in ("teacher-luca", "validator-es", "validator-es-two")}


def test_send_mail_reports_who_was_mailed(people, mailhost):
    api.user.get(userid="teacher-olaf").setMemberProperties({"email": ""})

    sent = send_mail(["teacher-ana", "teacher-olaf", "nobody-here", "teacher-ana"], "Subject", "Body")

    assert sent == ["teacher-ana"]
    assert len(mailhost.messages) == 1


@pytest.fixture
def attempts(mailhost, monkeypatch) -> list:
    """The MailHost fails every send; the list collects the attempts."""
    tried = []

    def fail(self, *args, **kwargs):
        tried.append(args)
        raise OSError("SMTP server unreachable")

    monkeypatch.setattr(type(aq_base(mailhost)), "send", fail)
    return tried


def test_failing_mailhost_does_not_undo_submit(draft, attempts):
    submit(draft)

    assert len(attempts) == 4  # every recipient tried, despite the failures
    assert api.content.get_state(obj=draft) == "pending"


def test_failing_mailhost_does_not_undo_validation(pending, attempts):
    for userid in ("teacher-luca", "validator-es", "validator-it"):
        decide_as(pending, userid, "approve")

    assert attempts
    assert api.content.get_state(obj=pending) == "validated"
    assert [item["decision"] for item in checklist(pending)["required"]] == ["approve"] * 3


def test_failing_mailhost_does_not_undo_rejection(pending, attempts):
    decide_as(pending, "validator-es", "reject", "Not an eTwinning project.")

    assert attempts
    assert api.content.get_state(obj=pending) == "draft"
