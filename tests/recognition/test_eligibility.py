"""Every School label criterion at its edge, computed from the catalog."""

from collective.twinning.learning import ledger
from collective.twinning.learning.ledger import COMPLETED
from collective.twinning.recognition.school_label import eligibility
from collective.twinning.recognition.school_label import years_after
from datetime import date
from datetime import datetime
from datetime import timedelta
from tests.recognition.conftest import awarded_nql
from tests.recognition.conftest import delete
from tests.recognition.conftest import make_call
from tests.recognition.conftest import make_org
from tests.recognition.conftest import PARTNER_IT
from tests.recognition.conftest import project_of
from tests.recognition.conftest import school_teacher
from tests.recognition.conftest import TODAY
from tests.recognition.conftest import touched

import pytest


def criterion(result, name):
    return next(c for c in result["criteria"] if c["name"] == name)


def test_an_eligible_school(school):
    result = eligibility(school)
    assert result["eligible"] is True
    assert [(c["name"], c["value"], c["met"], c["reason"]) for c in result["criteria"]][1:] == [
        ("active_teachers", 3, True, None),
        ("national_quality_label", 1, True, None),
    ]
    assert result["awarded_until"] is None


@pytest.mark.parametrize("days_short,met", [(0, True), (1, False)])
def test_registered_two_years_and_not_a_day_less(portal, school, days_short, met):
    """Registered two years ago to the day: eligible; one day later (1 year 364 days): not."""
    registered = years_after(TODAY, -2) + timedelta(days=days_short)
    school.creation_date = school.creation_date.__class__(f"{registered.isoformat()} 12:00:00 UTC")
    school.reindexObject()
    result = eligibility(school)
    assert criterion(result, "registered")["met"] is met
    assert result["eligible"] is met
    if not met:
        assert "two years are reached on" in criterion(result, "registered")["reason"]


def test_two_active_teachers_are_not_enough(portal, school):
    """The third teacher's only project was last changed before the two years."""
    since = years_after(TODAY, -2)
    touched(portal["projects"]["project-teacher-rosa"], since - timedelta(days=1))
    result = eligibility(school)
    assert criterion(result, "active_teachers")["value"] == 2
    assert result["eligible"] is False
    touched(portal["projects"]["project-teacher-rosa"], since)  # the first day of the two years counts
    assert criterion(eligibility(school), "active_teachers")["value"] == 3


def test_a_completed_learning_event_makes_a_teacher_active(portal, school):
    touched(portal["projects"]["project-teacher-rosa"], years_after(TODAY, -3))
    assert criterion(eligibility(school), "active_teachers")["value"] == 2

    class Event:
        start = end = None

        def UID(self):
            return "event-uid"

    event = Event()
    event.end = event.start = datetime(TODAY.year, TODAY.month, TODAY.day)
    ledger.record(event, "teacher-rosa", COMPLETED, "ABCD-EFGH-JKLM")
    assert criterion(eligibility(school), "active_teachers")["value"] == 3


def test_a_draft_project_is_no_activity(portal, school):
    delete(portal["projects"]["project-teacher-rosa"])
    project_of(portal, "teacher-rosa", PARTNER_IT, "draft-one", state="draft")
    assert criterion(eligibility(school), "active_teachers")["value"] == 2


def test_teachers_of_other_schools_do_not_count(portal, school):
    other = make_org(portal, "colegio-sol")
    school_teacher("teacher-nuria", other)
    project_of(portal, "teacher-nuria", PARTNER_IT, "sol-project")
    assert criterion(eligibility(school), "active_teachers")["value"] == 3
    assert criterion(eligibility(other), "active_teachers")["value"] == 1


def test_an_nql_on_a_national_project_does_not_count(portal, school):
    delete(portal["projects"]["heritage"])
    awarded_nql(portal, "teacher-ana", "teacher-marta", "national-one", TODAY - timedelta(days=30))
    assert portal["projects"]["national-one"].countries == ("ES",)
    result = eligibility(school)
    assert criterion(result, "national_quality_label")["value"] == 0
    assert result["eligible"] is False
    assert "No National Quality Label" in criterion(result, "national_quality_label")["reason"]


@pytest.mark.parametrize(
    "awarded,counts",
    [
        (date(2025, 9, 1), True),  # the window's first day
        (date(2025, 8, 31), False),
        (date(2026, 6, 30), True),  # its last day
        (date(2026, 7, 1), False),
    ],
)
def test_the_window_of_the_call_at_its_edges(portal, school, awarded, counts):
    delete(portal["projects"]["heritage"])
    awarded_nql(portal, "teacher-ana", PARTNER_IT, "heritage-2", awarded)
    call = make_call(portal, nql_from=date(2025, 9, 1), nql_to=date(2026, 6, 30))
    assert criterion(eligibility(school, call), "national_quality_label")["met"] is counts


def test_the_open_call_of_the_country_is_the_default(portal, school):
    make_call(portal, country="IT", nql_from=date(2020, 1, 1), nql_to=date(2020, 12, 31))
    call = make_call(portal, country="ES")
    assert eligibility(school)["call"]["UID"] == call.UID()


def test_a_label_of_another_teacher_does_not_count(portal, school):
    delete(portal["projects"]["heritage"])
    awarded_nql(portal, "teacher-marta", PARTNER_IT, "not-ours", TODAY - timedelta(days=30))
    assert criterion(eligibility(school), "national_quality_label")["value"] == 0
