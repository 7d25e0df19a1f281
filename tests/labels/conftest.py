"""A European project (founders ES and IT) running, with teachers and validators."""

from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space

import pytest


FOUNDER, PARTNER, TEACHER = "teacher-ana", "teacher-luca", "teacher-olga"
VALIDATOR_ES, VALIDATOR_IT, VALIDATOR_FR = "validator-es", "validator-it", "validator-fr"
EUROPEAN = "validator-eu"


@pytest.fixture
def people(portal):
    create_teacher(FOUNDER, "ES")
    create_teacher(PARTNER, "IT")
    create_teacher(TEACHER, "ES")
    create_teacher("teacher-pablo", "ES")
    create_account("observer-pia", "PT")
    create_validator(VALIDATOR_ES, "ES")
    create_validator(VALIDATOR_IT, "IT")
    create_validator(VALIDATOR_FR, "FR")
    create_account(EUROPEAN, "BE", roles=["EuropeanValidator"])


def project(portal, state="running", id_="project", founder=FOUNDER, partner=PARTNER):
    space = make_space(portal["projects"], founder, partner, state, id_=id_)
    with as_system():
        roster = Roster(space)
        roster.set(TEACHER, "TwinSpaceTeacher")
        roster.set("teacher-pablo", "TwinSpacePupilAdmin")
        roster.set("observer-pia", "TwinSpaceObserver")
    return space


@pytest.fixture
def space(portal, people):
    return project(portal)


@pytest.fixture
def state_of():
    return lambda obj: api.content.get_state(obj=obj)
