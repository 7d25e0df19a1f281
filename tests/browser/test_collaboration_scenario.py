"""Collaboration in a running TwinSpace, in Chromium, through the Classic UI (issue 21).

A teacher writes a bulletin post and pins it; a pupil the teacher made writes on the wall and
comments there, and never sees the bulletin; the teacher opens a forum and a thread, the partner
answers mentioning the founder, who finds it on the notifications page and marks it read; a meeting
whose window is open shows its Join button on the collaboration page, one next month does not.
Each step checks what the person sees; axe-core finds no serious violation on the pages seen.
"""

from collective.twinning.membership.pupils import create_pupil
from datetime import datetime
from datetime import timedelta
from playwright.sync_api import expect
from playwright.sync_api import Page
from plone import api
from tests.browser.axe import audit
from tests.browser.conftest import login
from tests.browser.conftest import on_host
from tests.browser.conftest import Visitor
from tests.browser.test_scenario import save
from tests.browser.test_scenario import write_rich_text
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.helpers import PASSWORD
from zoneinfo import ZoneInfo

import pytest
import transaction


FOUNDER = "teacher-lucia-gomez"  # Spain
PARTNER = "teacher-paolo-bianchi"  # Italy
PUPIL = "pupil-mateo-lopez"
BULLETIN_TEXT = "Teachers only: the rubric for the river diaries is ready."
WALL_TEXT = "I saw a heron by the river today!"
COMMENT_TEXT = "It was standing on one leg."
FORUM = "Our rivers"
THREAD = "Which animals live in your river?"
REPLY = f"Trout and otters here, @{FOUNDER}!"
PROBLEMS: list[str] = []  # serious or critical axe-core violations of the pages seen


@pytest.fixture
def space_url(functional_portal) -> str:
    """A running TwinSpace of two teachers and a pupil the founder made; committed for the browser."""
    create_teacher(FOUNDER, "ES")
    create_teacher(PARTNER, "IT")
    space = make_space(functional_portal["projects"], FOUNDER, PARTNER, "running", id_="rivers")
    with api.env.adopt_user(username=FOUNDER):
        create_pupil(space, {"username": PUPIL, "fullname": "Mateo López", "password": PASSWORD})
    transaction.commit()
    return on_host(space.absolute_url())


def open_collaboration(person: Visitor, space_url: str) -> Page:
    person.goto(f"{space_url}/@@collaboration")
    return person.page


def write_post(person: Visitor, space_url: str, text: str, channel: str | None = None, pin: bool = False):
    page = open_collaboration(person, space_url)
    page.click("#new-post")
    page.wait_for_load_state("domcontentloaded")
    write_rich_text(page, "text", text)
    if channel is not None:
        page.select_option("#form-widgets-channel", channel)
    expect(page.locator("#form-buttons-save")).to_be_enabled()
    if pin:
        page.check("#form-widgets-pinned-0")
    save(page)


def teacher_pins_a_bulletin_post(founder: Visitor, space_url: str):
    write_post(founder, space_url, BULLETIN_TEXT, channel="bulletin", pin=True)
    page = open_collaboration(founder, space_url)
    bulletin = page.locator("article.card", has_text=BULLETIN_TEXT)
    expect(bulletin).to_have_count(1)
    expect(bulletin.get_by_text("Pinned")).to_be_visible()
    expect(page.get_by_role("heading", name="Teachers' bulletin")).to_be_visible()
    PROBLEMS.extend(audit(page, "collaboration, founder", run="collaboration"))


def pupil_writes_and_comments_on_the_wall(pupil: Visitor, space_url: str):
    write_post(pupil, space_url, WALL_TEXT)
    page = open_collaboration(pupil, space_url)
    expect(page.get_by_role("heading", name="Teachers' bulletin")).to_have_count(0)
    expect(page.get_by_text(BULLETIN_TEXT)).to_have_count(0)
    post = page.locator("article.card", has_text=WALL_TEXT)
    expect(post).to_have_count(1)
    post.get_by_role("link", name="0 comments").click()
    page.wait_for_load_state("domcontentloaded")
    page.fill("#form-widgets-comment-text", COMMENT_TEXT)
    page.click("#form-buttons-comment")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator(".comment", has_text=COMMENT_TEXT)).to_be_visible()
    page = open_collaboration(pupil, space_url)
    expect(
        page.locator("article.card", has_text=WALL_TEXT).get_by_role("link", name="1 comments")
    ).to_be_visible()
    PROBLEMS.extend(audit(page, "collaboration, pupil", run="collaboration"))
    expect(page.get_by_text(BULLETIN_TEXT)).to_have_count(0)


def teacher_opens_a_forum_and_a_thread(founder: Visitor, space_url: str):
    page = open_collaboration(founder, space_url)
    page.get_by_role("link", name="Open a forum").click()
    page.wait_for_load_state("domcontentloaded")
    page.fill("#form-widgets-IBasic-title", FORUM)
    save(page)
    page = open_collaboration(founder, space_url)
    expect(page.locator("#forum").get_by_role("link", name=FORUM)).to_be_visible()
    page.locator("#forum").get_by_role("link", name="Start a thread").click()
    page.wait_for_load_state("domcontentloaded")
    page.fill("#form-widgets-IBasic-title", THREAD)
    write_rich_text(page, "text", "Write the animals you have seen, with a photo if you can.")
    save(page)
    page = open_collaboration(founder, space_url)
    expect(page.locator("#forum").get_by_role("link", name=THREAD)).to_be_visible()


def partner_replies_mentioning_the_founder(partner: Visitor, space_url: str):
    page = open_collaboration(partner, space_url)
    page.locator("#forum").get_by_role("link", name=THREAD).click()
    page.wait_for_load_state("domcontentloaded")
    page.fill("#form-widgets-comment-text", REPLY)
    page.click("#form-buttons-comment")
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator(".comment", has_text=REPLY)).to_be_visible()


def founder_reads_the_notification(founder: Visitor, space_url: str):
    page = open_collaboration(founder, space_url)
    link = page.locator("#notifications-link")
    expect(link).to_contain_text("My notifications")
    expect(link).to_contain_text("unread")
    link.click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.get_by_role("heading", name="Notifications", exact=True)).to_be_visible()
    mention = page.get_by_role("link", name=f"{PARTNER} mentioned you in {THREAD}")
    expect(mention).to_be_visible()
    answered = page.get_by_role("link", name=f"{PARTNER} answered {THREAD}")
    expect(answered).to_be_visible()
    expect(page.locator("#notifications li", has_text="mentioned you").get_by_text("New")).to_be_visible()
    PROBLEMS.extend(audit(page, "notifications, founder", run="collaboration"))
    page.get_by_role("button", name="Mark all as read").click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.get_by_text("All notifications are marked as read.")).to_be_visible()
    expect(page.locator("#notifications-unread")).to_have_text("Unread: 0")
    expect(page.get_by_role("button", name="Mark all as read")).to_have_count(0)
    expect(page.locator("#notifications").get_by_text("New", exact=True)).to_have_count(0)
    mention = page.get_by_role("link", name=f"{PARTNER} mentioned you in {THREAD}")
    mention.click()
    page.wait_for_load_state("domcontentloaded")
    expect(page.locator(".comment", has_text=REPLY)).to_be_visible()


def plan_meeting(founder: Visitor, space_url: str, title: str, start: datetime):
    page = open_collaboration(founder, space_url)
    page.get_by_role("link", name="Plan a meeting").click()
    page.wait_for_load_state("domcontentloaded")
    page.fill("#form-widgets-IBasic-title", title)
    page.fill("#form-widgets-IEventBasic-start", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#form-widgets-IEventBasic-end", (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    save(page)


def meetings_show_join_only_when_open(founder: Visitor, pupil: Visitor, space_url: str, zone: ZoneInfo):
    now = datetime.now(zone).replace(second=0, microsecond=0)
    plan_meeting(founder, space_url, "Kick-off call", now + timedelta(minutes=5))
    plan_meeting(founder, space_url, "Next month's call", now + timedelta(days=30))
    for person in (founder, pupil):
        page = open_collaboration(person, space_url)
        meetings = page.locator("#meetings")
        soon = meetings.locator("li", has_text="Kick-off call")
        later = meetings.locator("li", has_text="Next month's call")
        expect(soon).to_have_count(1)
        expect(later).to_have_count(1)
        expect(soon.get_by_role("link", name="Join")).to_be_visible()
        expect(later.get_by_role("link", name="Join")).to_have_count(0)


def test_collaboration_in_a_running_space(space_url, visitor):
    PROBLEMS.clear()
    zone = ZoneInfo(api.portal.get_registry_record("plone.portal_timezone", default=None) or "UTC")
    founder = login(visitor("founder"), FOUNDER)
    pupil = login(visitor("pupil"), PUPIL)
    partner = login(visitor("partner"), PARTNER)

    teacher_pins_a_bulletin_post(founder, space_url)
    pupil_writes_and_comments_on_the_wall(pupil, space_url)
    teacher_opens_a_forum_and_a_thread(founder, space_url)
    partner_replies_mentioning_the_founder(partner, space_url)
    founder_reads_the_notification(founder, space_url)
    meetings_show_join_only_when_open(founder, pupil, space_url, zone)
    assert PROBLEMS == []


def test_notifications_page_sends_anonymous_visitors_to_log_in(space_url, visitor):
    anonymous = visitor()
    anonymous.page.goto(anonymous.url("@@notifications"))
    expect(anonymous.page.locator("#__ac_password")).to_be_visible()
