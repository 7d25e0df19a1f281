"""Chromium reaches the functional layer's server: the front page, the login form, a teacher logs in.

At 127.0.0.1 (the address `make run` prints, where the rest of the suite runs) and at localhost:
styled at both."""

from playwright.sync_api import expect
from tests.browser.conftest import login
from tests.browser.conftest import on_host
from tests.browser.conftest import screenshot
from tests.helpers import create_teacher

import pytest
import transaction


@pytest.fixture
def teacher(functional_portal):
    create_teacher("teacher-elena", "ES")
    transaction.commit()
    return "teacher-elena"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_front_page_and_login(visitor, functional_portal, teacher, host):
    url = on_host(functional_portal.absolute_url(), host)
    anonymous = visitor("anonymous", url=url)
    anonymous.goto()
    expect(anonymous.page.locator("#portal-logo")).to_be_visible()
    # Plone's theme (Barceloneta) at either address.
    assert anonymous.page.locator("link[rel=stylesheet][href*='++theme++barceloneta']").count() > 0
    # Nobody is logged in: the personal bar offers the login link.
    expect(anonymous.page.locator("#personaltools-login")).to_be_visible()
    screenshot(anonymous.page, f"smoke-{host.replace('.', '-')}")

    elena = login(visitor("elena", url=url), teacher)
    elena.goto()
    expect(elena.page.locator("#personaltools-login")).to_have_count(0)
    expect(elena.page.locator("#personaltools-menulink")).to_contain_text("Teacher Elena")
    # Her cookies are hers: the anonymous visitor is still anonymous.
    anonymous.goto()
    expect(anonymous.page.locator("#personaltools-login")).to_be_visible()


def test_wrong_password_is_refused(visitor, teacher):
    someone = visitor("someone")
    someone.goto("login")
    someone.page.fill("#__ac_name", teacher)
    someone.page.fill("#__ac_password", "not-her-password")
    someone.page.click("#buttons-login")
    # Still the login form, with a message, and nobody logged in.
    expect(someone.page.locator("#__ac_password")).to_be_visible()
    expect(someone.page.locator(".portalMessage, .alert-danger, .alert-warning").first).to_be_visible()
    expect(someone.page.locator("#personaltools-menulink")).to_have_count(0)
