"""Finding 10: the demo's mail can be read. A teacher contacts a partner through the form; the
mail goes through a real SMTP conversation to the local sink (``python -m aiosmtpd`` with its
Mailbox handler, as `make run` starts it) and the administrator reads it at @@demo-mails."""

from collective.twinning.demo.mail import SINK_ENV
from collective.twinning.demo.mail import use_mail_sink
from collective.twinning.demo.users import DEMO_PASSWORD
from playwright.sync_api import expect
from plone import api
from plone.app.testing.utils import MockMailHost
from Products.MailHost.MailHost import MailHost
from tests.browser.conftest import login
from tests.helpers import create_account
from tests.helpers import PASSWORD

import pytest
import socket
import subprocess
import sys
import time
import transaction


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def demo_with_sink(functional_portal, tmp_path, monkeypatch):
    """The demo portal sending through the sink. The test layer's MailHost is a MockMailHost
    that keeps the mails in a list: here it sends as Plone's MailHost does (its send and
    _send: zope.sendmail's SMTP delivery at commit, to the host and port of Plone's mail
    settings). The layer forgets all this afterwards."""
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").runAllImportStepsFromProfile("profile-collective.twinning:demo")
    # The sink as scripts/serve.sh starts it (python -m aiosmtpd, Mailbox handler, loopback),
    # and this process told where its Maildir is.
    port = free_port()
    sink = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{port}",
            "-c",
            "aiosmtpd.handlers.Mailbox",
            str(tmp_path / "mail"),
        ]
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            break
        except OSError:
            time.sleep(0.1)
    monkeypatch.setenv(SINK_ENV, str(tmp_path / "mail"))

    monkeypatch.setattr(MockMailHost, "send", MailHost.send)
    monkeypatch.setattr(MockMailHost, "_send", MailHost._send)
    # (the mock has no SMTP attributes; the mailer reads Plone's mail settings anyway)
    monkeypatch.setattr(MockMailHost, "smtp_host", "127.0.0.1", raising=False)
    monkeypatch.setattr(MockMailHost, "smtp_port", port, raising=False)
    api.portal.set_registry_record("plone.email_from_address", "")
    use_mail_sink(portal, "127.0.0.1", port)
    create_account("agency-admin", "ES", roles=["Manager"])
    transaction.commit()
    yield portal
    sink.terminate()
    sink.wait(10)


def test_a_contact_mail_is_read_at_demo_mails(demo_with_sink, visitor):
    ana = login(visitor("ana"), "ana", DEMO_PASSWORD)
    ana.goto("partner-finding/ospitiamo-docenti-job-shadowing/@@contact-form")
    ana.page.fill("#contact-subject", "Job shadowing in spring")
    ana.page.fill("#contact-message", "Could two of our teachers visit your liceo in March?")
    ana.page.click("#contact-send")
    ana.page.wait_for_load_state("domcontentloaded")
    expect(ana.page.locator(".portalMessage").first).to_contain_text("1")

    admin = login(visitor("admin"), "agency-admin", PASSWORD)
    admin.goto("@@demo-mails")
    mail = admin.page.locator("article.demo-mail", has_text="Job shadowing in spring")
    expect(mail).to_have_count(1)
    expect(mail.locator(".demo-mail-to")).to_contain_text("luca@example.org")
    expect(mail.locator(".demo-mail-from")).to_contain_text("twinning-demo.example.org")
    expect(mail.locator(".demo-mail-text")).to_contain_text("Could two of our teachers visit")


def test_demo_mails_is_for_administrators_only(demo_with_sink, visitor):
    ana = login(visitor("ana"), "ana", DEMO_PASSWORD)
    response = ana.page.goto(ana.url("@@demo-mails"))
    assert "@@demo-mails" not in ana.page.url or response.status in (401, 403)
    expect(ana.page.locator("article.demo-mail")).to_have_count(0)
