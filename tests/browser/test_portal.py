"""A portal people can live in (issue 22): what a new visitor meets at the address `make run`
prints, by clicking, in English or Spanish, on a laptop or a phone.

One scenario per finding of the issue; each fails on the code before the issue was fixed.
"""

from collective.twinning.demo.users import DEMO_PASSWORD
from playwright.sync_api import expect
from plone import api
from tests.browser.axe import audit
from tests.browser.conftest import login
from tests.browser.conftest import MOBILE

import pytest
import re
import transaction


HERITAGE = "projects/nuestro-patrimonio-our-heritage"
PENDING = "projects/il-mare-che-ci-unisce"


@pytest.fixture
def demo(functional_portal):
    """The demo portal (profile collective.twinning:demo: its accounts, content and front page)."""
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").runAllImportStepsFromProfile("profile-collective.twinning:demo")
    transaction.commit()
    return functional_portal


def stylesheets(page) -> list[str]:
    return page.eval_on_selector_all("link[rel=stylesheet]", "links => links.map(link => link.href)")


def test_styled_at_127_0_0_1(demo, visitor, portal_url):
    """Finding 1: Plone's theme at the address `make run` prints, not only at localhost."""
    assert portal_url.startswith("http://127.0.0.1:")
    someone = visitor("anonymous")
    someone.goto()
    assert any("++theme++barceloneta" in href for href in stylesheets(someone.page))
    expect(someone.page.locator("#portal-globalnav")).to_be_visible()


def test_front_page_leads_to_each_search(demo, visitor):
    """Finding 2: the front page's search boxes and the main menu lead to the search pages."""
    someone = visitor("anonymous")
    for box, page in (
        ("projects", "project-search-page"),
        ("partners", "partner-search-page"),
        ("schools", "organisation-search-page"),
    ):
        someone.goto()
        someone.page.fill(f"#home-q-{box}", "heritage")
        someone.page.locator(f"#home-search-{box} button[type=submit]").click()
        someone.page.wait_for_load_state("domcontentloaded")
        assert re.search(rf"/@@{page}\?q=heritage$", someone.page.url), someone.page.url
        expect(someone.page.locator("#search-q")).to_have_value("heritage")
    expect(someone.page.locator("#home-q-people")).to_have_count(0)  # anonymous: no directory of people
    someone.goto()
    expect(someone.page.locator("#home-newest li.home-project").first).to_be_visible()
    nav = someone.page.locator("#portal-globalnav")
    for title, page in (
        ("Projects", "project-search-page"),
        ("Partner finding", "partner-search-page"),
        ("Schools", "organisation-search-page"),
        ("Groups", "group-search-page"),
    ):
        expect(nav.get_by_role("link", name=title, exact=True)).to_have_attribute(
            "href", re.compile(rf"/@@{page}$")
        )
    nav.get_by_role("link", name="Groups", exact=True).click()
    expect(someone.page.locator("#result-list li.search-result")).to_have_count(1)

    ana = login(visitor("ana"), "ana", DEMO_PASSWORD)
    ana.goto()
    ana.page.fill("#home-q-people", "Luca")
    ana.page.locator("#home-search-people button[type=submit]").click()
    ana.page.wait_for_load_state("domcontentloaded")
    assert "/@@people-search-page?q=Luca" in ana.page.url
    expect(ana.page.locator("#result-list li.search-result")).to_have_count(1)
    # The user menu leads to My space, not to Plone's portlet dashboard.
    ana.page.click("#personaltools-menulink")
    expect(ana.page.locator("#personaltools-twinning-my-space")).to_be_visible()
    expect(ana.page.locator("#personaltools-dashboard")).to_have_count(0)


@pytest.mark.parametrize(
    "userid,landing",
    [("ana", "@@my-space"), ("lucia", "@@my-space"), ("val-es", "@@twinning-dashboard")],
)
def test_landing_after_login(demo, visitor, userid, landing):
    """Finding 2: from the front page's "Log in", each person lands where their work is."""
    someone = visitor(userid)
    someone.goto()
    someone.page.click("#home-login")
    someone.page.fill("#__ac_name", userid)
    someone.page.fill("#__ac_password", DEMO_PASSWORD)
    someone.page.click("#buttons-login")
    someone.page.wait_for_load_state("domcontentloaded")
    assert someone.page.url.endswith(f"/{landing}"), someone.page.url


def test_spanish_by_the_browsers_language(demo, visitor):
    """Finding 3: a browser that asks for Spanish gets the portal, Plone's words and dates in Spanish."""
    maria = visitor("maria", locale="es-ES")
    maria.goto()
    expect(maria.page.locator("html")).to_have_attribute("lang", "es")
    nav = maria.page.locator("#portal-globalnav")
    expect(nav.get_by_role("link", name="Proyectos", exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Inicio", exact=True)).to_be_visible()  # Plone's own message
    expect(maria.page.locator("#home-searches-title")).to_have_text("Buscar en el portal")
    maria.goto(f"{HERITAGE}/bienvenidos-welcome")
    # Plone's short date in Spanish: dd/mm/yyyy.
    expect(maria.page.locator(".item-byline")).to_contain_text(re.compile(r"\d\d/\d\d/\d{4}"))


def test_spanish_by_the_language_switch(demo, visitor):
    """Finding 3: the switch in the header changes the language, and a cookie keeps it."""
    john = visitor("john")
    john.goto()
    expect(john.page.locator("html")).to_have_attribute("lang", "en")
    john.page.locator("#language-switch a[data-language='es']").click()
    john.page.wait_for_load_state("domcontentloaded")
    expect(john.page.locator("html")).to_have_attribute("lang", "es")
    john.goto("@@project-search-page")
    expect(john.page.locator("h1")).to_have_text("Buscar proyectos")
    john.page.locator("#language-switch a[data-language='en']").click()
    john.page.wait_for_load_state("domcontentloaded")
    expect(john.page.locator("h1")).to_have_text("Find projects")


def test_validator_decided_row(demo, visitor):
    """Finding 7: once decided, the row says who, when and why, and the buttons are gone."""
    validator = login(visitor("val-it"), "val-it", DEMO_PASSWORD)
    validator.goto(PENDING)
    expect(validator.page.locator("#project-texts")).to_be_visible()  # what they validate
    validator.page.fill("#validation-comment", "Good plan, welcome!")
    validator.page.click("#approve-button")
    validator.page.wait_for_load_state("domcontentloaded")
    row = validator.page.locator("#validation-panel li[data-slot='national:IT']")
    expect(row).to_have_attribute("data-decision", "approve")
    expect(row.locator(".slot-by")).to_have_text("Unità nazionale eTwinning")
    expect(row.locator(".slot-comment")).to_have_text("Good plan, welcome!")
    expect(row.locator(".slot-date")).not_to_be_empty()
    expect(validator.page.locator("#approve-button")).to_have_count(0)
    expect(validator.page.locator("#reject-button")).to_have_count(0)
    validator.goto("@@twinning-dashboard")
    expect(
        validator.page.locator("#dashboard-pending-projects tr[data-project] .my-decision")
    ).to_contain_text("Approved")


def waiting_teacher():
    from collective.twinning.teachers.requests import record_request

    api.user.create(
        email="marta@example.org",
        username="teacher-marta",
        password="secret-pass-2026",
        properties={"fullname": "Marta Gil", "country": "ES", "school": "CEIP Goya, Zaragoza"},
    )
    record_request("teacher-marta")
    transaction.commit()


def test_teacher_queue_shows_what_to_judge_on(demo, visitor):
    """Finding 7: school, e-mail, registration date and a profile link for each waiting teacher."""
    waiting_teacher()
    validator = login(visitor("val-es"), "val-es", DEMO_PASSWORD)
    validator.goto("@@twinning-dashboard")
    row = validator.page.locator("#dashboard-pending-teachers tr[data-user='teacher-marta']")
    expect(row.locator(".teacher-school")).to_have_text("CEIP Goya, Zaragoza")
    expect(row.locator(".teacher-email")).to_have_text("marta@example.org")
    expect(row.locator(".teacher-registered")).not_to_be_empty()
    expect(row.locator("a.teacher-profile")).to_have_attribute("href", re.compile(r"/author/teacher-marta$"))


def test_pupils_menu_and_my_space(demo, visitor):
    """Finding 8: a pupil is offered only what a pupil may use."""
    lucia = login(visitor("lucia"), "lucia", DEMO_PASSWORD)
    lucia.goto("@@my-space")
    nav = lucia.page.locator("#portal-globalnav")
    expect(nav.get_by_role("link", name="My space", exact=True)).to_be_visible()
    for hidden in ("People", "Partner finding", "Groups", "Dashboard"):
        expect(nav.get_by_role("link", name=hidden, exact=True)).to_have_count(0)
    expect(lucia.page.locator("#my-projects li[data-id='nuestro-patrimonio-our-heritage']")).to_be_visible()
    for section in ("#my-postings", "#my-labels", "#my-groups", "#my-links"):
        expect(lucia.page.locator(section)).to_have_count(0)
    lucia.goto("groups/stem-teachers-europe")
    expect(lucia.page.locator("#group-membership")).not_to_contain_text("lucia")


@pytest.mark.parametrize(
    "userid,path",
    [
        (None, ""),
        (None, "@@partner-search-page"),
        ("ana", HERITAGE),
        ("ana", "@@my-space"),
        ("val-es", "@@twinning-dashboard"),
        ("lucia", HERITAGE),
    ],
)
def test_phone_width_without_horizontal_scroll(demo, visitor, userid, path):
    """Finding 9: at 390 px nothing is wider than the screen, and every button can be reached."""
    if userid == "val-es":  # a teacher waiting: the queue's table with its form and buttons
        waiting_teacher()
    someone = visitor(userid or "anonymous", viewport=MOBILE)
    if userid:
        login(someone, userid, DEMO_PASSWORD)
    someone.goto(path)
    width = someone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], f"/{path} is {width} px wide on a {MOBILE['width']} px phone"
    if path == "@@partner-search-page":
        # The search box first; the filters folded behind a button until asked for.
        expect(someone.page.locator("#search-q")).to_be_in_viewport()
        expect(someone.page.locator("#facet-country")).to_be_hidden()
        someone.page.click("#filters-toggle")
        expect(someone.page.locator("#facet-country")).to_be_visible()
    if path == "@@twinning-dashboard":
        for button in someone.page.locator("#dashboard-pending-teachers button").all():
            box = button.bounding_box()
            assert box is None or box["x"] + box["width"] <= MOBILE["width"]


def test_state_colours_stay_on_our_badges(demo, visitor):
    """Finding 5: "Waiting" is readable and Plone's navigation keeps its own colours."""
    validator = login(visitor("val-es"), "val-es", DEMO_PASSWORD)
    validator.goto(PENDING)
    waiting = validator.page.locator("#validation-panel .slot-decision.decision-None").first
    colours = waiting.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert colours[0] != colours[1] and colours[0] != "rgb(255, 255, 255)", colours
    assert audit(validator.page, "pending project, validator", run="findings") == []


def test_chart_labels_are_not_cut(demo, visitor):
    """Finding 5: the longest label of a chart fits in it ("National Quality Label · Awarded")."""
    from tests.helpers import bring_label_to
    from tests.helpers import make_label

    bring_label_to(
        make_label(demo["projects"]["nuestro-patrimonio-our-heritage"], "ana"), "awarded", "val-es"
    )
    transaction.commit()
    admin_like = login(visitor("val-es"), "val-es", DEMO_PASSWORD)
    admin_like.goto("@@twinning-dashboard")
    labels = admin_like.page.locator("svg#chart-labels g.bar text:first-child")
    expect(labels.first).to_contain_text("Awarded")
    for text in admin_like.page.locator("svg.twinning-chart g.bar text:first-child").all():
        box = text.evaluate("t => { const b = t.getBBox(); return [b.x, b.width]; }")
        assert box[0] >= 0, f"a chart label starts outside its chart: {text.text_content()!r}"
