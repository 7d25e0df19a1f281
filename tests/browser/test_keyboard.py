"""The project's way from registration to validation with the keyboard only (WCAG 2.1.1):
Tab to reach, Space to tick, typing, arrows in the partner picker, Enter to press."""

from collective.twinning.directory.profiles import sync_profile
from playwright.sync_api import expect
from playwright.sync_api import Page
from tests.browser.conftest import login
from tests.helpers import create_teacher
from tests.helpers import create_validator

import pytest
import re
import transaction


FOUNDER, PARTNER = "teacher-carmen-ruiz", "teacher-marco-rossi"


@pytest.fixture
def people(functional_portal):
    create_teacher(FOUNDER, "ES")
    create_teacher(PARTNER, "IT")
    sync_profile(PARTNER)  # in the directory, so the picker finds him by name
    create_validator("validator-spain", "ES")
    create_validator("validator-italy", "IT")
    transaction.commit()
    return functional_portal


def tab_to(page: Page, selector: str, limit: int = 300):
    """Press Tab until the element matching ``selector`` has the focus (it must be reachable)."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def press(page: Page, selector: str, key: str = "Enter"):
    tab_to(page, selector)
    page.keyboard.press(key)


def test_create_submit_approve_with_the_keyboard(people, visitor):
    carmen = login(visitor("carmen"), FOUNDER)
    page = carmen.page
    carmen.goto("@@my-space")
    press(page, "#new-project")
    page.wait_for_url(re.compile(r"/\+\+add\+\+TwinSpace$"))
    page.wait_for_load_state("load")
    tab_to(page, "#form-widgets-IBasic-title")
    page.keyboard.type("Rivers of Europe")
    for value in ("en", "es"):
        press(page, f"#formfield-form-widgets-languages input[value='{value}']", " ")
    press(page, "#formfield-form-widgets-subjects input[value='geography']", " ")
    tab_to(page, "#form-widgets-age_from")
    page.keyboard.type("10")
    tab_to(page, "#form-widgets-age_to")
    page.keyboard.type("12")
    tab_to(page, "#form-widgets-cofounder")
    page.keyboard.type("Marco")
    option = page.locator("#form-widgets-cofounder-options [role=option]", has_text="Marco Rossi")
    expect(option).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(page.locator("input[type=hidden][name='form.widgets.cofounder']")).to_have_value(PARTNER)
    press(page, "#form-buttons-save")
    expect(page.locator("#space-title")).to_have_text("Rivers of Europe")
    page.wait_for_load_state("load")
    project_url = page.url.split("?")[0].removesuffix("/view")
    press(page, "[data-test='transition-submit']")
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "pending")

    for userid in (PARTNER, "validator-spain", "validator-italy"):
        someone = login(visitor(userid), userid)
        someone.goto(project_url)
        if userid != PARTNER:
            tab_to(someone.page, "#validation-comment")
            someone.page.keyboard.type("Welcome!")
        press(someone.page, "#approve-button")
        expect(someone.page.locator(".portalMessage").first).to_contain_text("Your approval is recorded.")
        expect(someone.page.locator("#approve-button")).to_have_count(0)
    carmen.goto(project_url)
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "validated")
