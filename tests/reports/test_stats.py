"""``@twinning-stats``: numbers per country for national validators, all for the others."""

from collective.twinning.reports.stats import countries_seen_by
from collective.twinning.reports.stats import statistics
from datetime import date
from plone import api
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_label
from tests.helpers import make_mobility
from tests.helpers import make_space

import pytest


@pytest.fixture
def portal_with_projects(portal):
    """ES/IT labelled with two mobilities; FR/DE running with one; ES-only draft."""
    for userid, country in (
        ("teacher-ana", "ES"),
        ("teacher-luca", "IT"),
        ("teacher-marie", "FR"),
        ("teacher-hans", "DE"),
        ("teacher-olga", "ES"),
    ):
        create_teacher(userid, country)
    for userid, country in (("validator-es", "ES"), ("validator-fr", "FR"), ("validator-pt", "PT")):
        create_validator(userid, country)
    create_account("validator-eu", "BE", roles=["EuropeanValidator"])
    create_account("manager-hugo", "ES", roles=["Manager"])

    heritage = make_space(portal["projects"], "teacher-ana", "teacher-luca", "running", id_="heritage")
    make_mobility(heritage, "teacher-ana", id_="shadowing", state="confirmed")
    make_mobility(
        heritage,
        "teacher-ana",
        id_="exchange",
        activity_type="group_pupil_mobility",
        key_action="KA220",
        participants_staff=0,
        participants_pupils=20,
        accompanying_persons=2,
        start=date(2027, 4, 5),
        end=date(2027, 4, 11),
    )
    make_mobility(heritage, "teacher-ana", id_="cancelled", state="cancelled")
    bring_label_to(make_label(heritage, "teacher-ana"), "awarded", "validator-es")

    rivers = make_space(portal["projects"], "teacher-marie", "teacher-hans", "running", id_="rivers")
    make_mobility(
        rivers, "teacher-marie", id_="course", activity_type="course", host_country="DE", participants_staff=3
    )
    bring_label_to(make_label(rivers, "teacher-marie"), "submitted", "validator-fr")

    make_space(portal["projects"], "teacher-ana", "teacher-olga", "draft", id_="draft")
    return portal


def stats_for(userid):
    with api.env.adopt_user(username=userid):
        return statistics(userid)


@pytest.mark.parametrize(
    "userid,countries",
    [("manager-hugo", None), ("validator-eu", None), ("validator-es", ["ES"]), ("teacher-ana", [])],
)
def test_whose_numbers(portal_with_projects, userid, countries):
    assert countries_seen_by(userid) == countries


def test_manager_sees_every_country(portal_with_projects):
    stats = stats_for("manager-hugo")
    assert stats["countries"] is None
    assert stats["projects"] == {
        "total": 3,
        "by_state": {"draft": 1, "labelled": 1, "running": 1},
        "by_state_and_country": {
            "draft": {"ES": 1},
            "labelled": {"ES": 1, "IT": 1},
            "running": {"DE": 1, "FR": 1},
        },
    }
    assert stats["mobilities"] == {
        "total": 3,
        "by_key_action": {"KA122": 2, "KA220": 1},
        "by_activity_type": {"course": 1, "group_pupil_mobility": 1, "job_shadowing": 1},
        "by_status": {"cancelled": 1, "confirmed": 1, "planned": 2},
    }
    assert stats["participants"] == {
        "participants_staff": 5,
        "participants_pupils": 20,
        "accompanying_persons": 2,
        "total": 27,
    }
    assert stats["labels"] == {"national": {"2026-2027": {"awarded": 1, "submitted": 1}}}


def test_a_national_validator_sees_its_country_only(portal_with_projects):
    stats = stats_for("validator-es")
    assert stats["countries"] == ["ES"]
    assert stats["projects"] == {
        "total": 2,
        "by_state": {"draft": 1, "labelled": 1},
        "by_state_and_country": {"draft": {"ES": 1}, "labelled": {"ES": 1}},
    }
    assert stats["mobilities"]["by_key_action"] == {"KA122": 1, "KA220": 1}
    assert stats["mobilities"]["by_status"] == {"cancelled": 1, "confirmed": 1, "planned": 1}
    assert stats["participants"]["total"] == 2 + 20 + 2
    assert stats["labels"] == {"national": {"2026-2027": {"awarded": 1}}}

    france = stats_for("validator-fr")
    assert france["projects"]["by_state_and_country"] == {"running": {"FR": 1}}
    assert france["mobilities"]["by_activity_type"] == {"course": 1}
    assert france["participants"]["participants_staff"] == 3
    assert france["labels"] == {"national": {"2026-2027": {"submitted": 1}}}


def test_a_validator_of_a_country_without_projects_sees_zeros(portal_with_projects):
    stats = stats_for("validator-pt")
    assert stats["projects"] == {"total": 0, "by_state": {}, "by_state_and_country": {}}
    assert stats["mobilities"]["total"] == 0
    assert stats["participants"]["total"] == 0
    assert stats["labels"] == {}


def test_the_european_validator_sees_every_country_it_may_view(portal_with_projects):
    stats = stats_for("validator-eu")
    assert stats["countries"] is None
    # Drafts are their founders' and their national services': not counted here.
    assert stats["projects"]["by_state_and_country"] == {
        "labelled": {"ES": 1, "IT": 1},
        "running": {"DE": 1, "FR": 1},
    }
    # Each two-country project once per state (issue 22, finding 6: not 2 + 2).
    assert stats["projects"]["by_state"] == {"labelled": 1, "running": 1}
    assert stats["mobilities"]["total"] == 3
