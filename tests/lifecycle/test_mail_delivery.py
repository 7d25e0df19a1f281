"""What an unreachable SMTP server does to an action that mails, with Plone's real
MailHost (not the tests' mock), as README "Notifications" says: with direct delivery
(Plone's default) zope.sendmail asks the server when the transaction commits, and the
commit fails, undoing the action; with the MailHost's queue the mail waits in a maildir
and the action stands."""

from plone import api
from Products.MailHost.MailHost import MailHost
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space

import pytest
import socket
import transaction


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def draft(functional_portal):
    """A draft project, and Plone's own MailHost pointed at a closed SMTP port."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    create_validator("validator-es", "ES")
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", "draft")
    functional_portal._delObject("MailHost")
    functional_portal._setObject(
        "MailHost", MailHost("MailHost", smtp_host="127.0.0.1", smtp_port=closed_port())
    )
    transaction.commit()
    return space


def submit(space) -> None:
    with api.env.adopt_user(username="teacher-ana"):
        api.content.transition(obj=space, transition="submit")


def state_after_commit(portal) -> str:
    transaction.begin()
    return api.content.get_state(obj=portal["projects"]["space"])


def test_direct_delivery_to_an_unreachable_server_undoes_the_action(functional_portal, draft):
    submit(draft)
    with pytest.raises(OSError):  # ConnectionRefusedError, from zope.sendmail's vote
        transaction.commit()
    transaction.abort()
    assert state_after_commit(functional_portal) == "draft"


def test_the_mail_queue_keeps_the_action_and_the_mail(functional_portal, draft, tmp_path, monkeypatch):
    monkeypatch.setenv("MAILHOST_QUEUE_ONLY", "1")  # no sending thread in the test
    mailhost = functional_portal.MailHost
    queue = tmp_path / "mailqueue"  # zope.sendmail makes the maildir
    mailhost.smtp_queue, mailhost.smtp_queue_directory = True, str(queue)
    transaction.commit()

    submit(draft)
    transaction.commit()
    assert state_after_commit(functional_portal) == "pending"
    queued = [path.read_bytes() for path in (queue / "new").iterdir()]
    to = {mail.split(b"X-Zope-To: ", 1)[1].split(b"\n", 1)[0] for mail in queued}
    assert to == {b"teacher-luca@example.org", b"validator-es@example.org"}  # partner, validator
