"""Finding 10: the demo's mail can be read. A teacher contacts a partner through the form; the
mail goes through a real SMTP conversation to the local sink (aiosmtpd's Mailbox handler, as
`make run` starts it) and the administrator reads it at @@demo-mails."""

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from collective.twinning.demo.mail import SINK_ENV
from collective.twinning.demo.mail import use_mail_sink
from collective.twinning.demo.users import DEMO_PASSWORD
from plone import api
from playwright.sync_api import expect
from Products.MailHost.interfaces import IMailHost
from Products.MailHost.MailHost import MailHost
from tests.browser.conftest import login
from tests.helpers import create_account
from tests.helpers import PASSWORD

import pytest
import socket
import transaction


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def sink(tmp_path, monkeypatch):
    """aiosmtpd on loopback writing a Maildir, and this process told where it is."""
    controller = Controller(Mailbox(tmp_path / "mail"), hostname="127.0.0.1", port=free_port())
    controller.start()
    monkeypatch.setenv(SINK_ENV, str(tmp_path / "mail"))
    yield controller
    controller.stop()


@pytest.fixture
def demo_with_sink(functional_portal, sink):
    """The demo portal sending through the sink with Plone's real MailHost (the test layer's
    mock keeps mails in memory); the layer's storage forgets all this after the test."""
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").runAllImportStepsFromProfile("profile-collective.twinning:demo")
    real = MailHost("MailHost")
    portal.MailHost = real
    site_manager = portal.getSiteManager()
    site_manager.unregisterUtility(provided=IMailHost)
    site_manager.registerUtility(real, IMailHost)
    api.portal.set_registry_record("plone.email_from_address", "")
    use_mail_sink(portal, sink.hostname, sink.port)
    create_account("agency-admin", "ES", roles=["Manager"])
    transaction.commit()
    return portal


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
