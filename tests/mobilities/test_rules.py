"""The Erasmus+ rules of a mobility: each row of the table at its valid and invalid edges."""

from collective.twinning.mobilities.rules import days_of
from collective.twinning.mobilities.rules import mobility_problems
from collective.twinning.mobilities.rules import RULES
from datetime import date
from datetime import timedelta

import pytest


START = date(2027, 3, 1)


def values(activity, days, staff=0, pupils=0, accompanying=0, agreement=None, **extra):
    return {
        "activity_type": activity,
        "key_action": "KA122",
        "direction": "outgoing",
        "sending_country": "ES",
        "host_country": "IT",
        "start": START,
        "end": START + timedelta(days=days - 1),
        "participants_staff": staff,
        "participants_pupils": pupils,
        "accompanying_persons": accompanying,
        "learning_agreement": agreement,
        **extra,
    }


def rules_broken(problems) -> set[str]:
    return {problem.split("'")[1] for problem in problems}


# Participants that satisfy each activity (so only the duration is under test).
GOOD_PEOPLE = {
    "job_shadowing": {"staff": 1},
    "teaching_assignment": {"staff": 1},
    "course": {"staff": 1},
    "group_pupil_mobility": {"pupils": 2, "accompanying": 1},
    "short_term_pupil_mobility": {"pupils": 1},
    "long_term_pupil_mobility": {"pupils": 1, "agreement": "learning-agreement.pdf"},
    "preparatory_visit": {"staff": 1},
    "invited_expert": {"staff": 1},
}

# activity, shortest, longest (days, both ends included), as the issue's table says
DURATIONS = [
    ("job_shadowing", 2, 60),
    ("teaching_assignment", 2, 365),
    ("course", 2, 30),
    ("group_pupil_mobility", 2, 30),
    ("short_term_pupil_mobility", 10, 29),
    ("long_term_pupil_mobility", 30, 365),
    ("preparatory_visit", 1, 30),
    ("invited_expert", 1, 30),
]


def test_every_activity_has_a_row():
    assert {row[0] for row in DURATIONS} == set(RULES) == set(GOOD_PEOPLE)


def test_days_count_both_ends():
    assert days_of(date(2027, 3, 1), date(2027, 3, 1)) == 1
    assert days_of(date(2027, 2, 27), date(2027, 3, 2)) == 4


@pytest.mark.parametrize("activity,shortest,longest", DURATIONS)
def test_duration_edges(activity, shortest, longest):
    people = GOOD_PEOPLE[activity]
    assert mobility_problems(values(activity, shortest, **people)) == []
    assert mobility_problems(values(activity, longest, **people)) == []
    assert rules_broken(mobility_problems(values(activity, shortest - 1, **people))) == {"days"}
    assert rules_broken(mobility_problems(values(activity, longest + 1, **people))) == {"days"}


# (activity, participants that are just valid, participants that are just invalid, the rule broken)
PARTICIPANTS = [
    ("job_shadowing", {"staff": 1}, {"staff": 0}, "participants_staff"),
    ("job_shadowing", {"staff": 1, "pupils": 0}, {"staff": 1, "pupils": 1}, "participants_pupils"),
    ("teaching_assignment", {"staff": 1}, {"staff": 0}, "participants_staff"),
    ("teaching_assignment", {"staff": 1, "pupils": 0}, {"staff": 1, "pupils": 1}, "participants_pupils"),
    ("course", {"staff": 1}, {"staff": 0}, "participants_staff"),
    ("course", {"staff": 1, "pupils": 0}, {"staff": 1, "pupils": 1}, "participants_pupils"),
    (
        "group_pupil_mobility",
        {"pupils": 2, "accompanying": 1},
        {"pupils": 1, "accompanying": 1},
        "participants_pupils",
    ),
    (
        "group_pupil_mobility",
        {"pupils": 2, "accompanying": 1},
        {"pupils": 2, "accompanying": 0},
        "accompanying_persons",
    ),
    ("short_term_pupil_mobility", {"pupils": 1}, {"pupils": 0}, "participants_pupils"),
    (
        "long_term_pupil_mobility",
        {"pupils": 1, "agreement": "la.pdf"},
        {"pupils": 0, "agreement": "la.pdf"},
        "participants_pupils",
    ),
    ("long_term_pupil_mobility", {"pupils": 1, "agreement": "la.pdf"}, {"pupils": 1}, "learning_agreement"),
    ("preparatory_visit", {"staff": 1}, {"staff": 0}, "participants_staff"),
    ("invited_expert", {"staff": 1}, {"staff": 0}, "participants_staff"),
]


@pytest.mark.parametrize(
    "activity,valid,invalid,rule", PARTICIPANTS, ids=[f"{a}-{r}" for a, _v, _i, r in PARTICIPANTS]
)
def test_participant_edges(activity, valid, invalid, rule):
    days = {a: s for a, s, _l in DURATIONS}[activity]
    assert mobility_problems(values(activity, days, **valid)) == []
    problems = mobility_problems(values(activity, days, **invalid))
    assert rules_broken(problems) == {rule}
    assert rule in problems[0]


def test_pupil_mobilities_may_take_staff_along():
    """Only staff activities forbid pupils; pupils' mobilities may have staff too."""
    assert mobility_problems(values("short_term_pupil_mobility", 10, staff=2, pupils=20)) == []


def test_several_rules_at_once_are_all_named():
    problems = mobility_problems(values("course", 31, staff=0, pupils=3))
    assert rules_broken(problems) == {"days", "participants_staff", "participants_pupils"}


@pytest.mark.parametrize(
    "direction,host,sending,broken",
    [
        ("outgoing", "IT", "ES", set()),
        ("outgoing", "ES", "ES", {"host_country"}),
        ("incoming", "ES", "ES", set()),
        ("outgoing", "ES", None, set()),  # sending country unknown: nothing to compare
    ],
)
def test_host_country_of_outgoing_mobility(direction, host, sending, broken):
    problems = mobility_problems(
        values("job_shadowing", 5, staff=1, direction=direction, host_country=host, sending_country=sending)
    )
    assert rules_broken(problems) == broken


class Space:
    """What the rules read of a TwinSpace: its key action and its path."""

    def __init__(self, key_action):
        self.erasmus_key_action = key_action

    def getPhysicalPath(self):
        return ("", "plone", "projects", "space")


@pytest.mark.parametrize(
    "space_key_action,key_action,broken",
    [
        (None, "KA220", set()),  # the project has no key action: any
        ("KA122", "KA122", set()),
        ("KA122", "KA220", {"key_action"}),
    ],
)
def test_key_action_agrees_with_the_project(space_key_action, key_action, broken):
    problems = mobility_problems(
        values("job_shadowing", 5, staff=1, key_action=key_action), Space(space_key_action)
    )
    assert rules_broken(problems) == broken
