"""A school in Spain with its teachers, their projects and labels, calls, rounds and events.

Dates are set on purpose (an organisation's creation, a place's last change, a label's
award) so that each eligibility criterion can be put at its edge.
"""

from collective.twinning.directory.organisations import set_organisation
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_label
from tests.helpers import make_space

import pytest


TODAY = date.today()
VALIDATOR_ES, VALIDATOR_IT, EUROPEAN = "validator-es", "validator-it", "validator-eu"
PARTNER_IT = "teacher-luca"
STATEMENT = (
    "Our head, teachers and pupils decide together which projects we run each year; pupils chair the "
    "planning meetings, families join the presentations and every class takes part at least once."
)
STATEMENTS = dict.fromkeys(
    ("shared_leadership", "collaboration", "pupil_agency", "inclusion", "innovation"), STATEMENT
)
GOOD = dict.fromkeys(STATEMENTS, 7)


def day_time(day: date) -> DateTime:
    return DateTime(f"{day.isoformat()} 12:00:00 UTC")


def make_org(portal, id_="ies-cervantes", country="ES", registered: date | None = None):
    with api.env.adopt_roles(["Manager"]):
        organisation = api.content.create(
            container=portal["organisations"],
            type="Organisation",
            id=id_,
            safe_id=False,
            title=f"School {id_}",
            country=country,
            organisation_type="secondary",
        )
    organisation.creation_date = day_time(registered or TODAY - timedelta(days=3 * 365))
    organisation.reindexObject()
    return organisation


def school_teacher(userid: str, organisation, country="ES"):
    create_teacher(userid, country)
    profile = sync_profile(userid)
    set_organisation(profile, organisation)
    return userid


def touched(obj, day: date):
    """The place was last changed on ``day``."""
    obj.setModificationDate(day_time(day))
    obj.reindexObject(idxs=["modified"])
    return obj


def project_of(portal, founder: str, partner: str, id_: str, state="running", changed: date | None = None):
    space = make_space(portal["projects"], founder, partner, state, id_=id_)
    return touched(space, changed or TODAY)


def awarded_nql(portal, teacher: str, partner: str, id_: str, awarded_on: date, european=True):
    """A running project of ``teacher`` (with ``partner``) holding a national label awarded on a day."""
    space = project_of(portal, teacher, partner, id_)
    label = make_label(space, teacher, "national", id_=f"nql-{teacher}")
    bring_label_to(label, "awarded", VALIDATOR_ES)
    history = list(label.workflow_history["quality_label_workflow"])
    history[-1] = {**history[-1], "time": day_time(awarded_on)}
    label.workflow_history["quality_label_workflow"] = tuple(history)
    label.reindexObject()
    return space


@pytest.fixture
def validators(portal):
    create_validator(VALIDATOR_ES, "ES")
    create_validator(VALIDATOR_IT, "IT")
    create_account(EUROPEAN, "BE", roles=["EuropeanValidator"])
    create_teacher(PARTNER_IT, "IT")
    create_teacher("teacher-marta", "ES")  # a Spanish partner for national projects


@pytest.fixture
def school(portal, validators):
    """An eligible school: registered 3 years ago, 3 active teachers, an NQL last month."""
    organisation = make_org(portal)
    teachers = [school_teacher(f"teacher-{name}", organisation) for name in ("ana", "pablo", "rosa")]
    awarded_nql(portal, "teacher-ana", PARTNER_IT, "heritage", TODAY - timedelta(days=30))
    for teacher in teachers[1:]:
        project_of(portal, teacher, PARTNER_IT, f"project-{teacher}")
    return organisation


def make_call(portal, owner=VALIDATOR_ES, country="ES", state="open", **dates):
    values = {
        "opens": TODAY - timedelta(days=10),
        "closes": TODAY + timedelta(days=30),
        "nql_from": TODAY - timedelta(days=365),
        "nql_to": TODAY,
        **dates,
    }
    with api.env.adopt_user(username=owner):
        call = api.content.create(
            container=portal["recognition"],
            type="SchoolLabelCall",
            title=f"School label {country or 'EU'}",
            school_year="2025-2026",
            country=country,
            **values,
        )
    if state != "draft":
        with as_system(owner):
            api.content.transition(obj=call, transition="open")
    if state == "closed":
        with as_system(owner):
            api.content.transition(obj=call, transition="close")
    return call


def apply(call, organisation, teacher="teacher-ana", submit=True):
    with api.env.adopt_user(username=teacher):
        application = api.content.create(
            container=call,
            type="SchoolLabelApplication",
            id=f"{organisation.getId()}-{teacher}",
            organisation=_relation(organisation),
            declaration_confirmed=True,
            **STATEMENTS,
        )
        if submit:
            api.content.transition(obj=application, transition="submit")
    return application


def _relation(organisation):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    return RelationValue(getUtility(IIntIds).getId(organisation))


def delete(obj) -> None:
    with as_system():
        api.content.delete(obj=obj, check_linkintegrity=False)


def member_of(space, userid: str, role="TwinSpaceTeacher"):
    with as_system():
        Roster(space).set(userid, role)


def european_label(portal, founder="teacher-ana", partner=PARTNER_IT, id_="eql-project", ages=(8, 10)):
    """A labelled European project holding an awarded European label (national ones first)."""
    space = project_of(portal, founder, partner, id_)
    space.age_from, space.age_to = ages
    for teacher, validator in ((founder, VALIDATOR_ES), (partner, VALIDATOR_IT)):
        bring_label_to(make_label(space, teacher, "national", id_=f"n-{teacher}"), "awarded", validator)
    bring_label_to(make_label(space, founder, "european", id_="european"), "awarded", EUROPEAN)
    space.reindexObject()
    return space


def now() -> datetime:
    return datetime.now(UTC)
