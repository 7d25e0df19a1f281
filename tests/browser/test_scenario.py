"""The life of a project, in Chromium, through the Classic UI (issue 6).

A Spanish teacher registers a project with an Italian partner and submits it; the partner
accepts; the validators of Spain and Italy find it on their dashboard and approve it; the
teacher starts it, writes a page, uploads a picture and makes a pupil account; the pupil logs
in and sees the page but no e-mail address; a teacher searches partner postings by country and
language and reads the facet counts; the teacher applies for the national Quality Label, the
Spanish validator scores and awards it, and the project shows ``labelled``.

One test, one step function per person's action: each step starts from what a person would
click and checks what they would see. axe-core checks every page the scenario shows
(``seen``): no serious or critical WCAG 2.1 AA violation. Screenshots of the main views go to
``test-artifacts/screenshots/``; the TwinSpace, the search page and the dashboard also to
``docs/screenshots/`` for the README.
"""

from collective.twinning.behaviors.expiry import IExpiry
from datetime import date
from datetime import timedelta
from io import BytesIO
from playwright.sync_api import expect
from playwright.sync_api import Page
from plone import api
from tests.browser.axe import audit
from tests.browser.conftest import login
from tests.browser.conftest import MOBILE
from tests.browser.conftest import screenshot
from tests.browser.conftest import Visitor
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import PASSWORD
from tests.payloads import CRITERION_TEXT

import pytest
import re
import time
import transaction


FOUNDER = "teacher-carmen-ruiz"  # Spain
PARTNER = "teacher-marco-rossi"  # Italy
VALIDATOR_ES = "validator-spain"
VALIDATOR_IT = "validator-italy"
PUPIL = "pupil-lucas-moreno"
PUPIL_NAME = "Lucas Moreno"
PROJECT = "Rivers of Europe"
PAGE = "Our river walk"
PICTURE = "The river Ebro at Zaragoza"
CRITERIA = (
    "pedagogical_approaches",
    "curricular_integration",
    "collaboration",
    "use_of_technology",
    "results_documentation",
)
# Partner postings to search: (id, author, country, languages).
POSTINGS = (
    ("italian-school-english", "teacher-giulia-ferri", "IT", ["en"]),
    ("italian-school-italian", "teacher-paolo-conti", "IT", ["it"]),
    ("french-school-english", "teacher-claire-martin", "FR", ["en", "fr"]),
    ("spanish-school-english", "teacher-pilar-soto", "ES", ["en"]),
)


@pytest.fixture
def world(functional_portal):
    """The accounts, and published partner postings for the search; committed for the browser."""
    create_teacher(FOUNDER, "ES")
    create_teacher(PARTNER, "IT")
    create_validator(VALIDATOR_ES, "ES")
    create_validator(VALIDATOR_IT, "IT")
    for posting_id, author, country, languages in POSTINGS:
        create_teacher(author, country)
        with api.env.adopt_user(username=author):
            posting = api.content.create(
                container=functional_portal["partner-finding"],
                type="PartnerPosting",
                id=posting_id,
                title=f"School in {country} looking for partners ({', '.join(languages)})",
                partnership_type="etwinning_project",
                looking_for="partner_school",
                country=country,
                languages=languages,
                age_from=10,
                age_to=14,
                topics=["stem"],
            )
            IExpiry(posting).expires = date.today() + timedelta(days=120)
            api.content.transition(obj=posting, transition="publish")
    transaction.commit()
    return functional_portal


def a_picture() -> bytes:
    """A real PNG (the upload checks the bytes): a landscape with a river."""
    from PIL import Image
    from PIL import ImageDraw

    image = Image.new("RGB", (480, 320), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 180, 480, 320), fill=(90, 160, 80))
    draw.polygon([(200, 320), (280, 320), (250, 180), (235, 180)], fill=(40, 110, 200))
    draw.ellipse((380, 30, 440, 90), fill=(250, 220, 60))
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# --- what a person does on a page -------------------------------------------------------


def status_message(page: Page):
    return page.locator(".portalMessage, .alert-success, .alert-info").first


PROBLEMS: list[str] = []


def seen(page: Page, label: str):
    """axe-core on the page as the person sees it now; serious or critical violations are kept."""
    PROBLEMS.extend(audit(page, label))


def pick(page: Page, field: str, values: list[str]):
    """A checkbox list (languages, subjects): tick each value."""
    widget = page.locator(f"#formfield-form-widgets-{field}")
    for value in values:
        widget.locator(f"input[type=checkbox][value='{value}']").check()
    expect(widget.locator("input[type=checkbox]:checked")).to_have_count(len(values))


def write_rich_text(page: Page, field: str, text: str):
    """Type into TinyMCE (the rich text editor of the field)."""
    editor = page.locator(f"#formfield-form-widgets-{field.replace('.', '-')} iframe").first
    body = editor.content_frame.locator("body")
    body.click()
    body.type(text)


def save(page: Page):
    page.click("#form-buttons-save")
    page.wait_for_load_state("domcontentloaded")


def where(page: Page) -> str:
    """The address of the item shown, without a query or a trailing /view."""
    return re.sub(r"/(view)?$", "", page.url.split("?")[0])


def fire(page: Page, transition: str):
    """Press the button of a transition in the project's header (#next-action)."""
    page.click(f"[data-test='transition-{transition}']")
    page.wait_for_load_state("domcontentloaded")


# --- the steps ------------------------------------------------------------------------


def founder_registers_the_project(carmen: Visitor) -> str:
    page = carmen.page
    carmen.goto("projects")
    carmen.goto("projects/++add++TwinSpace")
    seen(page, "add project, founder")
    page.fill("#form-widgets-IBasic-title", PROJECT)
    page.fill(
        "#form-widgets-IBasic-description", "Pupils of Zaragoza and Torino study the rivers of their towns."
    )
    write_rich_text(page, "aims", "Compare the Ebro and the Po: water, wildlife and history.")
    pick(page, "languages", ["en", "es"])
    pick(page, "subjects", ["geography"])
    page.fill("#form-widgets-age_from", "10")
    page.fill("#form-widgets-age_to", "12")
    page.fill("#form-widgets-cofounder", PARTNER)
    save(page)
    expect(page.locator("#space-title")).to_have_text(PROJECT)
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "draft")
    expect(page.locator(".country-badge[data-country='ES']")).to_be_visible()
    expect(page.locator(".country-badge[data-country='IT']")).to_be_visible()
    url = where(page)
    fire(page, "submit")
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "pending")
    # The checklist shows who still has to decide.
    panel = page.locator("#validation-panel")
    for slot in (f"partner:{PARTNER}", "national:ES", "national:IT"):
        expect(panel.locator(f"li[data-slot='{slot}']")).to_be_visible()
    seen(page, "pending project, founder")
    screenshot(page, "twinspace-pending")
    return url


def partner_accepts(marco: Visitor, project_url: str):
    page = marco.page
    marco.goto(project_url)
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "pending")
    seen(page, "pending project, partner")
    page.click("#approve-button")
    page.wait_for_load_state("domcontentloaded")
    expect(status_message(page)).to_be_visible()
    expect(page.locator(f"#validation-panel li[data-slot='partner:{PARTNER}'] .slot-decision")).to_have_class(
        re.compile(r"decision-approve")
    )


def validator_approves_from_the_dashboard(validator: Visitor, project_url: str, country: str):
    page = validator.page
    validator.goto("@@twinning-dashboard")
    row = page.locator("#dashboard-pending-projects tr[data-project]", has_text=PROJECT)
    expect(row).to_have_count(1)
    seen(page, f"dashboard, validator {country}")
    screenshot(page, f"dashboard-pending-project-{country.lower()}")
    row.locator("a").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert where(page) == project_url
    page.fill("#validation-comment", "A clear plan, welcome to eTwinning.")
    page.click("#approve-button")
    page.wait_for_load_state("domcontentloaded")
    expect(status_message(page)).to_be_visible()
    expect(
        page.locator(f"#validation-panel li[data-slot='national:{country}'] .slot-decision")
    ).to_have_class(re.compile(r"decision-approve"))
    seen(page, f"decided project, validator {country}")


def founder_starts_and_fills_the_space(carmen: Visitor, project_url: str):
    page = carmen.page
    carmen.goto(project_url)
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "validated")
    fire(page, "start")
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "running")

    # A page.
    page.click("#add-page")
    seen(page, "add page, founder")
    page.fill("#form-widgets-IBasic-title", PAGE)
    write_rich_text(page, "IRichTextBehavior.text", "We walked along the Ebro and counted the birds.")
    save(page)
    expect(page.locator("h1")).to_contain_text(PAGE)
    seen(page, "page, founder")

    # A picture.
    carmen.goto(project_url)
    page.click("#add-material")
    seen(page, "add material, founder")
    page.fill("#form-widgets-IBasic-title", PICTURE)
    page.set_input_files(
        "input[name='form.widgets.image']",
        files=[{"name": "ebro.png", "mimeType": "image/png", "buffer": a_picture()}],
    )
    page.check("input[name='form.widgets.copyright_confirmed:list']")
    page.select_option("select[name='form.widgets.license:list']", "cc-by-4.0")
    save(page)
    expect(page.locator("h1")).to_contain_text(PICTURE)
    seen(page, "material, founder")

    carmen.goto(project_url)
    expect(page.locator("#space-nav a.nav-page", has_text=PAGE)).to_be_visible()
    seen(page, "running project, founder")
    screenshot(page, "twinspace-running")
    gallery = page.locator("#material-gallery figure.material-image")
    expect(gallery).to_have_count(1)
    expect(gallery.locator("img")).to_have_js_property("complete", True)
    assert gallery.locator("img").evaluate("img => img.naturalWidth") > 0, "the picture does not load"

    # A pupil account, on the members tab.
    carmen.goto(f"{project_url}?tab=members")
    form = page.locator("#add-pupil-form")
    form.locator("input[name=username]").fill(PUPIL)
    form.locator("input[name=fullname]").fill(PUPIL_NAME)
    form.locator("input[name=password]").fill(PASSWORD)
    page.click("#add-pupil-button")
    page.wait_for_load_state("domcontentloaded")
    expect(status_message(page)).to_be_visible()
    expect(page.locator(f"#members-table tr[data-member='{PUPIL}']")).to_be_visible()
    seen(page, "members, founder")


def pupil_sees_the_page_not_the_emails(pupil: Visitor, project_url: str):
    page = pupil.page
    login(pupil, PUPIL)
    pupil.goto(project_url)
    expect(page.locator("#space-title")).to_have_text(PROJECT)
    link = page.locator("#space-nav a.nav-page", has_text=PAGE)
    expect(link).to_be_visible()
    pupil.goto(f"{project_url}?tab=members")
    expect(page.locator("#members-table")).to_be_visible()
    members = page.locator("#panel-members")
    expect(members).not_to_contain_text("@")
    assert "@example.org" not in page.content()
    seen(page, "members, pupil")
    screenshot(page, "twinspace-pupil-members")
    link.click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator("h1")).to_contain_text(PAGE)
    expect(page.locator("#content")).to_contain_text("counted the birds")
    assert "@example.org" not in page.content()
    seen(page, "page, pupil")


def teacher_searches_partners(marco: Visitor):
    page = marco.page
    marco.goto("@@partner-search-page")
    expect(page.locator("#result-count")).to_have_attribute("data-total", str(len(POSTINGS)))
    page.check("#facet-country input[name=country][value=IT]")
    page.click("#search-button")
    page.wait_for_load_state("domcontentloaded")
    page.check("#facet-language input[name=language][value=en]")
    page.click("#search-button")
    page.wait_for_load_state("domcontentloaded")
    assert "country=IT" in page.url and "language=en" in page.url
    expect(page.locator("#result-count")).to_have_attribute("data-total", "1")
    results = page.locator("#result-list li.search-result")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("School in IT")

    def count(param: str, value: str) -> str:
        option = page.locator(f"#facet-{param} .form-check", has=page.locator(f"input[value='{value}']"))
        return option.locator(".facet-count").inner_text().strip("() ")

    # A facet counts with every other filter: countries among English postings,
    # languages among Italian ones.
    assert {c: count("country", c) for c in ("IT", "FR", "ES")} == {"IT": "1", "FR": "1", "ES": "1"}
    assert {code: count("language", code) for code in ("en", "it")} == {"en": "1", "it": "1"}
    expect(page.locator("#facet-country input[value=IT]")).to_be_checked()
    seen(page, "partner search, teacher")
    screenshot(page, "partner-search", readme=True)


def founder_applies_for_the_label(carmen: Visitor, project_url: str) -> str:
    page = carmen.page
    carmen.goto(project_url)
    page.click("#add-label")
    page.fill("#form-widgets-IBasic-title", "National Quality Label")
    page.select_option("select[name='form.widgets.level:list']", "national")
    for criterion in CRITERIA:
        page.fill(f"#form-widgets-{criterion}", CRITERION_TEXT)
    save(page)
    label_url = where(page)
    assert label_url.startswith(project_url + "/")
    # The application's page, in the project's layout, has the button to apply.
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "draft")
    expect(page.locator("#label-applicant")).to_contain_text("Teacher Carmen Ruiz")
    seen(page, "label application, founder")
    fire(page, "submit")
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "submitted")
    carmen.goto(f"{project_url}?tab=labels")
    row = page.locator("#labels-table tr[data-label]")
    expect(row).to_have_count(1)
    expect(row.locator(".label-state")).to_have_attribute("data-state", "submitted")
    seen(page, "labels, founder")
    screenshot(page, "twinspace-labels")
    return label_url


def validator_awards_the_label(validator: Visitor, label_url: str):
    page = validator.page
    validator.goto("@@twinning-dashboard")
    application = page.locator("#dashboard-labels [data-label]")
    expect(application).to_have_count(1)
    expect(application).to_contain_text(PROJECT)
    application.locator("summary").click()
    form = application.locator("form[data-test='label-score-form']")
    for criterion, score in zip(CRITERIA, (8, 7, 9, 6, 7), strict=True):
        form.locator(f"input[name='scores.{criterion}']").fill(str(score))
    form.locator("textarea[name=comment]").fill("Pupils' work is well documented. Congratulations!")
    seen(page, "dashboard with a label, validator")
    screenshot(page, "validator-dashboard", readme=True)
    form.locator("[data-test='award-button']").click()
    page.wait_for_load_state("domcontentloaded")
    expect(status_message(page)).to_be_visible()


def project_is_labelled(carmen: Visitor, project_url: str):
    page = carmen.page
    carmen.goto(f"{project_url}?tab=labels")
    expect(page.locator("#state-badge")).to_have_attribute("data-state", "labelled")
    expect(page.locator("#labels-table tr[data-label] .label-state")).to_have_attribute(
        "data-state", "awarded"
    )
    carmen.goto(project_url)
    seen(page, "labelled project, founder")
    screenshot(page, "twinspace", readme=True)


def on_a_phone(phone: Visitor, project_url: str):
    """The same project on a 390 px phone: nothing wider than the screen (README's mobile picture)."""
    page = phone.page
    phone.goto(project_url)
    seen(page, "labelled project on a phone, founder")
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    screenshot(page, "twinspace-mobile", readme=True)
    phone.goto("@@twinning-home")
    seen(page, "front page on a phone, founder")
    screenshot(page, "front-page-mobile")


def front_page(anonymous: Visitor):
    anonymous.goto("@@twinning-home")
    seen(anonymous.page, "front page, anonymous")
    screenshot(anonymous.page, "front-page", readme=True)


# --- the scenario -----------------------------------------------------------------------


def test_project_from_registration_to_quality_label(world, visitor):
    started = time.monotonic()
    PROBLEMS.clear()
    carmen = login(visitor("carmen"), FOUNDER)
    marco = login(visitor("marco"), PARTNER)
    val_es = login(visitor("validator-es"), VALIDATOR_ES)
    val_it = login(visitor("validator-it"), VALIDATOR_IT)

    project_url = founder_registers_the_project(carmen)
    partner_accepts(marco, project_url)
    validator_approves_from_the_dashboard(val_es, project_url, "ES")
    validator_approves_from_the_dashboard(val_it, project_url, "IT")
    founder_starts_and_fills_the_space(carmen, project_url)
    pupil_sees_the_page_not_the_emails(visitor("pupil"), project_url)
    teacher_searches_partners(marco)
    label_url = founder_applies_for_the_label(carmen, project_url)
    validator_awards_the_label(val_es, label_url)
    project_is_labelled(carmen, project_url)
    on_a_phone(login(visitor("carmen-phone", viewport=MOBILE), FOUNDER), project_url)
    front_page(visitor("anonymous"))
    assert PROBLEMS == []
    assert time.monotonic() - started < 240
