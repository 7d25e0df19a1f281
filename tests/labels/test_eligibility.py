"""Who may apply for which Quality Label: every refusal, and the edges that pass."""

from collective.twinning.labels.eligibility import eligibility_problems
from plone import api
from tests.helpers import bring_label_to
from tests.helpers import decide_label
from tests.helpers import make_label
from tests.labels.conftest import FOUNDER
from tests.labels.conftest import PARTNER
from tests.labels.conftest import project
from tests.labels.conftest import TEACHER
from tests.labels.conftest import VALIDATOR_ES
from tests.labels.conftest import VALIDATOR_IT

import pytest


def refusals(space, applicant, level="national", school_year="2026-2027", as_user=None, label=None):
    with api.env.adopt_user(username=as_user or applicant):
        problems = eligibility_problems(
            {"applicant": applicant, "level": level, "school_year": school_year}, space, label=label
        )
    return {problem.split("'")[1] for problem in problems}


@pytest.mark.parametrize(
    "state,refused",
    [
        ("draft", True),
        ("pending", True),
        ("validated", True),
        ("running", False),
        ("concluded", False),
        ("labelled", False),  # a second label (another partner, the European one)
        ("archived", True),
    ],
)
def test_project_state(portal, people, state, refused):
    space = project(portal, state)
    assert ("project_state" in refusals(space, TEACHER)) is refused


@pytest.mark.parametrize(
    "applicant,refused",
    [
        (FOUNDER, False),  # TwinSpaceAdmin
        (TEACHER, False),  # TwinSpaceTeacher
        ("teacher-pablo", True),  # TwinSpacePupilAdmin
        ("observer-pia", True),  # TwinSpaceObserver
        (VALIDATOR_ES, True),  # not a member
    ],
)
def test_applicant_role(space, applicant, refused):
    assert ("applicant_role" in refusals(space, applicant)) is refused


def test_a_teacher_applies_for_themself(space):
    assert "applicant" in refusals(space, TEACHER, as_user=FOUNDER)
    assert refusals(space, TEACHER, as_user=TEACHER) == set()


def test_an_administrator_may_apply_on_a_teachers_behalf(space):
    with api.env.adopt_roles(["Manager"]):
        problems = eligibility_problems(
            {"applicant": TEACHER, "level": "national", "school_year": "2026-2027"}, space
        )
    assert problems == []


def test_one_application_per_teacher_project_and_level(space):
    first = make_label(space, TEACHER)
    assert "one_per_level" in refusals(space, TEACHER)
    # The application itself, being edited, is no second one.
    assert "one_per_level" not in refusals(space, TEACHER, label=first)
    # Another teacher, or another level, is another application.
    assert "one_per_level" not in refusals(space, FOUNDER)
    assert "one_per_level" not in refusals(space, TEACHER, level="european")


def test_four_national_applications_per_school_year(portal, people):
    spaces = [project(portal, id_=f"project-{n}") for n in range(5)]
    for space in spaces[:3]:
        make_label(space, TEACHER)
    make_label(spaces[3], TEACHER, school_year="2025-2026")  # another school year
    assert "national_per_year" not in refusals(spaces[4], TEACHER)  # the 4th of 2026-2027
    make_label(spaces[3], TEACHER, id_="second-year")  # the 4th of 2026-2027
    assert "national_per_year" in refusals(spaces[4], TEACHER)
    assert "national_per_year" not in refusals(spaces[4], TEACHER, school_year="2027-2028")
    assert "national_per_year" not in refusals(spaces[4], FOUNDER)


def test_european_label_needs_a_european_project(portal, people):
    national_project = project(portal, founder=FOUNDER, partner=TEACHER, id_="national")
    assert "european_project" in refusals(national_project, FOUNDER, level="european")


def test_european_label_needs_national_labels_of_two_countries(space):
    assert "national_labels" in refusals(space, FOUNDER, level="european")
    bring_label_to(make_label(space, TEACHER), "awarded", VALIDATOR_ES)
    assert "national_labels" in refusals(space, FOUNDER, level="european")
    # A second Spanish label does not make two countries.
    bring_label_to(make_label(space, FOUNDER), "awarded", VALIDATOR_ES)
    assert "national_labels" in refusals(space, PARTNER, level="european")
    # An Italian label submitted but not awarded does not count either.
    italian = bring_label_to(make_label(space, PARTNER), "submitted", VALIDATOR_IT)
    assert "national_labels" in refusals(space, FOUNDER, level="european")
    decide_label(italian, VALIDATOR_IT, "award")
    assert refusals(space, FOUNDER, level="european") == set()


def test_editing_keeps_the_applicant(space):
    """The project's creator may edit a draft (they own the space): no new application."""
    label = make_label(space, TEACHER)
    label.applicant = FOUNDER  # what the deserializer does before validating
    assert "applicant" in refusals(space, FOUNDER, as_user=TEACHER, label=label)
    label.applicant = TEACHER
    assert "applicant" not in refusals(space, TEACHER, as_user=FOUNDER, label=label)
    assert "applicant" in refusals(space, FOUNDER, as_user=TEACHER, label=label)
