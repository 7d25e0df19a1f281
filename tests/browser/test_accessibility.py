"""axe-core on the portal's pages as each person sees them, on a laptop and on a phone.

The demo content (profile collective.twinning:demo), then for each person the pages they
reach: 0 serious or critical WCAG 2.1 A/AA violations (every form control labelled, enough
contrast, names on buttons and links, …). Each result goes to test-artifacts/axe/ too.
"""

from collective.twinning.demo.users import DEMO_PASSWORD
from plone import api
from tests.browser.axe import audit
from tests.browser.conftest import DESKTOP
from tests.browser.conftest import login
from tests.browser.conftest import MOBILE

import pytest
import transaction


HERITAGE = "projects/nuestro-patrimonio-our-heritage"
PENDING = "projects/il-mare-che-ci-unisce"
PRIZE_ROUND = "recognition/european-prizes"
PRIZE_WINNER = "projects/la-ciudad-de-los-ninos"
EVENT = "learning/axe-seminar"  # made below: ana registered, so its organisers see the attendance form
# (person, login or None, pages): what each of them opens by clicking.
VISITS = (
    (
        "anonymous",
        None,
        (
            "",
            "login",
            "@@project-search-page",
            "@@partner-search-page",
            "@@organisation-search-page",
            "groups",
            HERITAGE,
            f"{HERITAGE}/bienvenidos-welcome",
            "groups/stem-teachers-europe",
            "organisations/ies-miguel-de-cervantes",
            "@@group-search-page",
            "@@register",
            PRIZE_ROUND,
            PRIZE_WINNER,
            "@@learning-events",
            EVENT,
            "@verify-certificate?code=AAAA-BBBB-CCCC",
            "recognition/@@recognition-overview",
        ),
    ),
    (
        "teacher",
        "ana",
        (
            "",
            "@@my-space",
            HERITAGE,
            f"{HERITAGE}?tab=members",
            f"{HERITAGE}?tab=mobilities",
            f"{HERITAGE}/bienvenidos-welcome",
            f"{HERITAGE}/bienvenidos-welcome/video-presentation",
            f"{HERITAGE}/job-shadowing-genova",
            "projects/++add++TwinSpace",
            "@@people-search-page",
            "@@partner-search-page",
            "people/luca",
            "partner-finding/ospitiamo-docenti-job-shadowing/@@contact-form",
            "groups/stem-teachers-europe",
            "@@group-search-page",
            "people/ana",
            f"{HERITAGE}/edit",
            f"{HERITAGE}/bienvenidos-welcome/++add++Page",
            "@@learning-events",
            EVENT,
            "recognition/@@recognition-overview",
            "organisations/ies-miguel-de-cervantes",
        ),
    ),
    (
        "validator",
        "val-es",
        (
            "",
            "@@twinning-dashboard",
            PENDING,
            HERITAGE,
            EVENT,
            "learning/++add++LearningEvent",
            "recognition/@@recognition-overview",
            PRIZE_ROUND,
        ),
    ),
    ("pupil", "lucia", ("", "@@my-space", HERITAGE, f"{HERITAGE}/bienvenidos-welcome")),
)


def learning_event(portal):
    """A published online seminar of the Spanish service, started an hour ago, with ana registered."""
    from collective.twinning.learning.registrations import register
    from collective.twinning.security import as_system
    from datetime import date
    from datetime import datetime
    from datetime import timedelta
    from datetime import UTC

    start = datetime.now(UTC) - timedelta(hours=1)
    with api.env.adopt_user(username="val-es"):
        event = api.content.create(
            container=portal["learning"],
            type="LearningEvent",
            id="axe-seminar",
            title="Project-based learning",
            kind="online_seminar",
            capacity=20,
            hours=6,
            language="en",
            country="ES",
            registration_opens=date.today() - timedelta(days=5),
            registration_closes=date.today() + timedelta(days=5),
            start=start,
            end=start + timedelta(days=1),
        )
    with as_system("val-es"):
        api.content.transition(obj=event, transition="publish")
    register(event, "ana")


@pytest.fixture
def demo(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").runAllImportStepsFromProfile("profile-collective.twinning:demo")
        learning_event(functional_portal)
    transaction.commit()
    return functional_portal


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_no_serious_accessibility_violation(demo, visitor, viewport):
    problems = []
    size = "mobile" if viewport is MOBILE else "desktop"
    for person, userid, paths in VISITS:
        someone = visitor(person, viewport=viewport)
        if userid:
            login(someone, userid, DEMO_PASSWORD)
        for path in paths:
            someone.goto(path)
            problems += audit(someone.page, f"{size} {person} /{path}", run=f"pages-{size}")
    assert problems == []


CALL = "recognition/school-label-es"
APPLICATION = f"{CALL}/ies-miguel-de-cervantes"
# The School label pages (issue 25): a teacher's eligibility, applying, the validator's evaluation.
SCHOOL_LABEL_VISITS = (
    ("teacher", "ana", (CALL, f"{CALL}/@@school-label-apply", APPLICATION, "@@my-space")),
    ("validator", "val-es", (CALL, APPLICATION, f"{APPLICATION}/@@school-label-evaluation")),
)


@pytest.fixture
def school_label_demo(demo):
    """The demo's open call of Spain and the demo school's submitted application (demo/recognition.py)."""
    call = demo["recognition"]["school-label-es"]
    assert api.content.get_state(obj=call["ies-miguel-de-cervantes"]) == "submitted"
    return demo


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_school_label_pages_have_no_serious_violation(school_label_demo, visitor, viewport):
    problems = []
    size = "mobile" if viewport is MOBILE else "desktop"
    for person, userid, paths in SCHOOL_LABEL_VISITS:
        someone = visitor(person, viewport=viewport)
        login(someone, userid, DEMO_PASSWORD)
        for path in paths:
            someone.goto(path)
            assert someone.page.locator("#content").count() == 1, path
            problems += audit(someone.page, f"{size} {person} /{path}", run=f"school-label-{size}")
    assert problems == []
