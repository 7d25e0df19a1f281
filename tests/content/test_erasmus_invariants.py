"""The Erasmus+ rules hold in the Classic UI add forms too (z3c.form validates the
invariants with the container as context and every field in the data)."""

from collective.twinning.content.mobility import IMobility
from collective.twinning.content.quality_label import IQualityLabel
from datetime import date
from plone import api
from tests.helpers import create_teacher
from tests.helpers import CRITERION
from tests.helpers import make_space
from z3c.form.validator import InvariantsValidator
from zope.schema import getFields

import pytest


@pytest.fixture
def space(portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    space = make_space(portal["projects"], "teacher-ana", "teacher-luca", "running")
    space.erasmus_key_action = "KA122"
    return space


def form_errors(schema, space, data, userid="teacher-ana"):
    full = dict.fromkeys(getFields(schema))
    full.update(data)
    with api.env.adopt_user(username=userid):
        errors = InvariantsValidator(space, space.REQUEST, None, schema, None).validate(full)
    return " ".join(str(error) for error in errors)


MOBILITY = {
    "key_action": "KA122",
    "activity_type": "course",
    "direction": "outgoing",
    "sending_country": "ES",
    "host_country": "IT",
    "start": date(2027, 2, 8),
    "end": date(2027, 2, 12),
    "participants_staff": 1,
    "participants_pupils": 0,
    "accompanying_persons": 0,
}


def test_mobility_add_form(space):
    assert form_errors(IMobility, space, MOBILITY) == ""
    errors = form_errors(IMobility, space, {**MOBILITY, "key_action": "KA220", "end": date(2027, 3, 31)})
    assert "Rule 'key_action'" in errors and "Rule 'days'" in errors


LABEL = {"level": "national", "school_year": "2026-2027", "applicant": "teacher-ana"}


def test_label_add_form(space):
    assert form_errors(IQualityLabel, space, {**LABEL, **dict.fromkeys(("collaboration",), CRITERION)}) == ""
    assert "Rule 'national_labels'" in form_errors(IQualityLabel, space, {**LABEL, "level": "european"})
    assert "Rule 'applicant'" in form_errors(IQualityLabel, space, LABEL, userid="teacher-luca")
