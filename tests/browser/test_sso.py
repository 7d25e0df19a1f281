"""Log in with the agency's identity provider, in Chromium (issue 26).

A real OpenID Connect provider runs on loopback (oidc-provider-mock). A Czech teacher
presses "Log in with EU Login" beside the password form, says who she is at the
provider and comes back logged in; her new account waits in the Czech queue with its
country; the Czech validator approves it on the dashboard; she registers a project;
logging out ends the provider's session too.
"""

from playwright.sync_api import expect
from tests.browser.conftest import login
from tests.browser.conftest import screenshot
from tests.helpers import create_validator
from tests.sso.conftest import provider  # noqa: F401 - the provider fixture
from tests.sso.conftest import sso_site  # noqa: F401 - the portal set to use it

import pytest
import transaction


SUB = "eva-novak"
USERID = "sso-eva-novak"
VALIDATOR = "validator-czechia"
PROJECT = "Castles of Bohemia"


@pytest.fixture
def world(sso_site, provider):  # noqa: F811
    create_validator(VALIDATOR, "CZ")
    transaction.commit()
    provider.set_user(SUB, name="Eva Novák", email="eva@school.cz", email_verified=True, country="CZ")
    return sso_site


def test_a_teacher_logs_in_with_the_provider_and_registers_a_project(world, visitor, provider):  # noqa: F811
    eva = visitor("eva")
    page = eva.page
    eva.goto("login")
    expect(page.locator("#__ac_password")).to_be_visible()  # pupils keep their passwords
    expect(page.locator("#sso-login-button")).to_have_text("Log in with EU Login")
    screenshot(page, "sso-login-form")
    # As a person starts: the header's "Log in" (Plone opens the form in a modal).
    eva.goto("")
    page.locator("#personaltools-login").click()
    button = page.locator("#sso-login-button").last
    expect(button).to_be_visible()
    button.click()

    # At the provider: say who she is.
    page.wait_for_url(f"{provider.url}/oauth2/authorize*")
    page.get_by_placeholder("sub").fill(SUB)
    page.get_by_role("button", name="Authorize").click()

    # Back on the portal, logged in, told that her national service validates her.
    page.wait_for_url(f"{eva.portal_url}*")
    expect(page.locator("#personaltools-menulink")).to_have_count(1)
    expect(page.get_by_text("Your national support service will now validate your account")).to_be_visible()

    # The Czech validator finds her in the queue, with her country, and approves her.
    validator = login(visitor("validator"), VALIDATOR)
    validator.goto("@@twinning-dashboard")
    row = validator.page.locator(f"#dashboard-pending-teachers tr[data-user='{USERID}']")
    expect(row).to_contain_text("Eva Novák")
    expect(row).to_contain_text("Czech")
    screenshot(validator.page, "sso-teacher-request")
    row.locator(f"[data-test='approve-teacher-{USERID}']").click()
    validator.page.wait_for_load_state("domcontentloaded")
    expect(validator.page.locator(f"#dashboard-pending-teachers tr[data-user='{USERID}']")).to_have_count(0)

    # Now a teacher, she registers a project.
    eva.goto("projects/++add++TwinSpace")
    page.fill("#form-widgets-IBasic-title", PROJECT)
    page.fill("#form-widgets-age_from", "10")
    page.fill("#form-widgets-age_to", "12")
    page.locator("#formfield-form-widgets-languages input[type=checkbox][value='en']").check()
    page.locator("#formfield-form-widgets-subjects input[type=checkbox][value='history']").check()
    page.click("#form-buttons-save")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("#space-title")).to_have_text(PROJECT)
    expect(page.locator(".country-badge[data-country='CZ']")).to_be_visible()

    # Logging out ends the provider's session too, then comes back logged out.
    eva.goto("logout")
    page.wait_for_url(f"{provider.url}/oauth2/end_session*")
    page.get_by_role("button").first.click()
    page.wait_for_url(f"{eva.portal_url}*")
    expect(page.locator("#personaltools-menulink")).to_have_count(0)
