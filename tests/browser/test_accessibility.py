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
        ),
    ),
    ("validator", "val-es", ("", "@@twinning-dashboard", PENDING, HERITAGE, PRIZE_ROUND)),
    ("pupil", "lucia", ("", "@@my-space", HERITAGE, f"{HERITAGE}/bienvenidos-welcome")),
)


@pytest.fixture
def demo(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").runAllImportStepsFromProfile("profile-collective.twinning:demo")
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
