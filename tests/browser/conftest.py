"""Real-browser tests: Playwright for Python driving Debian's Chromium, headless.

The browser talks to the WSGI server of the functional layer (FUNCTIONAL_TESTING) on
loopback: accounts and content made in a fixture must be committed (``transaction.commit()``)
before the browser can see them. Chromium is Debian's (``scripts/chromium.sh install``, run by
``make test``); Playwright never downloads a browser here.

Screenshots go to ``test-artifacts/screenshots/`` (git-ignored); with UPDATE_README_SCREENSHOTS=1
(``make screenshots``) those taken with ``screenshot(..., readme=True)`` are also copied to
``docs/screenshots/``, the committed pictures of the README.
"""

from pathlib import Path
from playwright.sync_api import Browser
from playwright.sync_api import BrowserContext
from playwright.sync_api import expect
from playwright.sync_api import Page
from playwright.sync_api import sync_playwright
from tests.helpers import PASSWORD

import contextlib
import os
import pytest
import re
import shutil


ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
README_SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The machine's network is closed: Chromium must not try to reach anything on its own.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A laptop and a phone (the phone as Chromium's device emulation has it: touch, mobile layout).
DESKTOP = {"width": 1366, "height": 900}
MOBILE = {"width": 390, "height": 844}
VIEWPORT = DESKTOP
# The address `make run` prints: Plone switches theming off for 127.0.0.1 unless told not to,
# so the suite visits the site there (the smoke test also at localhost).
HOST = "127.0.0.1"
# Plone pages are served in-process on two shared cores: generous, but bounded.
TIMEOUT_MS = int(os.environ.get("BROWSER_TIMEOUT_MS", 20_000))
# expect() waits as long as the pages may take (its default is 5 s).
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="module")
def browser() -> Browser:
    """Debian's Chromium, launched once per module."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"No Chromium at {CHROMIUM}: run `make chromium` (scripts/chromium.sh install)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def on_host(url: str, host: str = HOST) -> str:
    """``url`` of the functional layer's server (http://localhost:<port>/…) at another host name."""
    return re.sub(r"^http://[^:/]+", f"http://{host}", url)


@pytest.fixture
def portal_url(functional_portal) -> str:
    """The site's URL on the functional layer's WSGI server, at 127.0.0.1 (http://127.0.0.1:<port>/plone)."""
    return on_host(functional_portal.absolute_url())


class Visitor:
    """One person at their own browser: a context (cookies) and a page, on the portal."""

    def __init__(self, browser: Browser, portal_url: str, name: str, viewport=VIEWPORT, locale="en-GB"):
        self.portal_url = portal_url
        self.name = name
        self.mobile = viewport["width"] < 768
        self.context: BrowserContext = browser.new_context(
            viewport=viewport, locale=locale, is_mobile=self.mobile, has_touch=self.mobile
        )
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page: Page = self.context.new_page()
        self.userid: str | None = None

    def url(self, path: str = "") -> str:
        if path.startswith("http"):
            return path
        return f"{self.portal_url}/{path.lstrip('/')}" if path else self.portal_url

    def goto(self, path: str = ""):
        response = self.page.goto(self.url(path))
        assert response is not None and response.status < 400, f"{path}: {response and response.status}"
        return response

    def close(self):
        self.context.close()


def login(visitor: Visitor, userid: str, password: str = PASSWORD) -> Visitor:
    """Log in through Plone's Classic UI login form, as a person would."""
    page = visitor.page
    visitor.goto("login")
    page.fill("#__ac_name", userid)
    page.fill("#__ac_password", password)
    page.click("#buttons-login")
    page.wait_for_load_state("domcontentloaded")
    # Logged in: the toolbar's user menu is there and the login form is gone.
    expect(page.locator("#__ac_password")).to_have_count(0)
    expect(page.locator("#personaltools-menulink")).to_have_count(1)
    visitor.userid = userid
    return visitor


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (the visitor fixture reads it)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def visitor(browser, portal_url, request):
    """visitor(name) -> a new Visitor (own cookies); closed after the test.

    When the test fails, each visitor's page is saved as
    test-artifacts/screenshots/failed-<test>-<visitor>.png (and .html) to see what they saw.
    """
    made: list[Visitor] = []

    def factory(name: str = "anonymous", viewport=VIEWPORT, locale="en-GB", url=None) -> Visitor:
        made.append(Visitor(browser, url or portal_url, name, viewport, locale))
        return made[-1]

    yield factory
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for one in made:
            stem = ARTIFACTS / f"failed-{request.node.name}-{one.name}"
            with contextlib.suppress(Exception):  # a page that crashed is no reason to hide the failure
                one.page.screenshot(path=f"{stem}.png", full_page=True)
                Path(f"{stem}.html").write_text(one.page.content(), encoding="utf-8")
    for one in made:
        one.close()


def screenshot(page: Page, name: str, readme: bool = False) -> Path:
    """Save a full-page PNG to test-artifacts/screenshots/<name>.png.

    With ``readme`` and UPDATE_README_SCREENSHOTS=1, also to docs/screenshots/ (committed):
    a plain test run leaves the working tree as it was.
    """
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ValueError(f"screenshot name {name!r}: lowercase letters, digits and dashes")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000, f"{path} is empty"
    if readme and os.environ.get("UPDATE_README_SCREENSHOTS") == "1":
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SHOTS / f"{name}.png")
    return path
