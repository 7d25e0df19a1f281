"""Demo recognition: a labelled project of Ana and Luca, a School label call with one
application, an announced European Prizes round that project won, a learning event Ana completed.

Each part is made once (found by id on a later run), walked through its workflow as
its people would: teachers apply, validators decide, the European service runs the round.
"""

from collective.twinning.demo.content import _bring_to
from collective.twinning.demo.content import _create_as
from collective.twinning.demo.content import html
from collective.twinning.labels.evaluation import evaluate
from collective.twinning.learning.attendance import mark
from collective.twinning.learning.registrations import register
from collective.twinning.recognition.prizes import PRIZE_CRITERIA
from collective.twinning.recognition.prizes import score
from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


PRIZE_PROJECT = {
    "id": "la-ciudad-de-los-ninos",
    "title": "La ciudad de los niños / The children's city",
    "description": "Pupils from Madrid and Genova redesign a square of each city for children "
    "and present their plans to the city councils.",
    # HTML as a string: a RichTextValue made at import would be shared by every site.
    "aims": "<p>Look at our cities with children's eyes and propose changes in English.</p>",
    "languages": ["en", "es", "it"],
    "subjects": ["geography", "art", "foreign_languages"],
    "age_from": 12,
    "age_to": 14,
    "pupils_count": 52,
    "start": date(2025, 10, 1),
    "end": date(2026, 6, 15),
}
SCHOOL = "ies-miguel-de-cervantes"
CALL_ID, APPLICATION_ID = "school-label-es", "ies-miguel-de-cervantes"
ROUND_ID, EVENT_ID = "european-prizes", "project-based-learning"
JUROR = "marie"
SCHOOL_YEAR = "2025-2026"

LABEL_TEXT = (
    "Pupils of both schools chose a monument each month, researched it in mixed teams, "
    "wrote its story in English and recorded a guided tour; the teachers planned the work together "
    "in the TwinSpace and evaluated it with the pupils at the end of each term."
)
MISSION = (
    "At our school the head, the teachers and the pupils decide together which European projects we run; "
    "pupils chair the planning meetings, families join the presentations and every class takes part."
)
LABEL_CRITERIA = (
    "pedagogical_approaches",
    "curricular_integration",
    "collaboration",
    "use_of_technology",
    "results_documentation",
)
STATEMENTS = ("shared_leadership", "collaboration", "pupil_agency", "inclusion", "innovation")


def _as(userid: str):
    return api.env.adopt_user(username=userid)


def _label(project, applicant: str, level: str, validator: str, id_: str):
    """A Quality Label application by ``applicant``, awarded by ``validator``."""
    if id_ in project:
        return project[id_]
    with _as(applicant):
        label = api.content.create(
            container=project,
            type="QualityLabel",
            id=id_,
            safe_id=False,
            title=f"{level.capitalize()} Quality Label",
            level=level,
            school_year=SCHOOL_YEAR,
            **dict.fromkeys(LABEL_CRITERIA, LABEL_TEXT),
        )
        api.content.transition(obj=label, transition="submit")
    with _as(validator):
        evaluate(
            label,
            validator,
            {"scores": dict.fromkeys(LABEL_CRITERIA, 8), "comment": "Well documented.", "decision": "award"},
        )
    return label


def create_labelled_project(portal):
    """Ana and Luca's project, run and labelled: national labels for both, then the European one."""
    values = dict(PRIZE_PROJECT, aims=html(PRIZE_PROJECT["aims"]))
    project_id = values.pop("id")
    project = portal["projects"].get(project_id)
    if project is None:
        project = _create_as(
            "ana", container=portal["projects"], type="TwinSpace", id=project_id, cofounder="luca", **values
        )
        _bring_to(project, "ana", "running")
    _label(project, "ana", "national", "val-es", "national-label-es")
    _label(project, "luca", "national", "val-it", "national-label-it")
    _label(project, "ana", "european", "val-eu", "european-label")
    return project


def create_school_label_call(portal) -> None:
    """An open call for Spain with the submitted application of Ana's school."""
    container = portal["recognition"]
    if CALL_ID in container:
        return
    today = date.today()
    registered_long_ago(portal["organisations"][SCHOOL])
    with _as("val-es"):
        call = api.content.create(
            container=container,
            type="SchoolLabelCall",
            id=CALL_ID,
            safe_id=False,
            title=f"eTwinning School label {SCHOOL_YEAR} – España",
            school_year=SCHOOL_YEAR,
            country="ES",
            opens=today - timedelta(days=7),
            closes=today + timedelta(days=60),
            nql_from=today - timedelta(days=365),
            nql_to=today + timedelta(days=30),
        )
        api.content.transition(obj=call, transition="open")
    school = portal["organisations"][SCHOOL]
    with _as("ana"):
        application = api.content.create(
            container=call,
            type="SchoolLabelApplication",
            id=APPLICATION_ID,
            safe_id=False,
            organisation=RelationValue(getUtility(IIntIds).getId(school)),
            declaration_confirmed=True,
            **dict.fromkeys(STATEMENTS, MISSION),
        )
        api.content.transition(obj=application, transition="submit")


def create_prize_round(portal, project) -> None:
    """An announced round: Spain nominated the heritage project, the jury scored it, it won."""
    container = portal["recognition"]
    if ROUND_ID in container:
        return
    with _as("val-eu"):
        prize_round = api.content.create(
            container=container,
            type="PrizeRound",
            id=ROUND_ID,
            safe_id=False,
            title=f"European Prizes {SCHOOL_YEAR}",
            school_year=SCHOOL_YEAR,
            jury=[JUROR],
        )
        api.content.transition(obj=prize_round, transition="open_nominations")
    with _as("val-es"):
        entry = api.content.create(
            container=prize_round, type="PrizeEntry", id=f"entry-{project.getId()}", project=project.UID()
        )
    with _as("val-eu"):
        api.content.transition(obj=prize_round, transition="start_judging")
    with _as(JUROR):
        score(entry, JUROR, {"scores": dict.fromkeys(PRIZE_CRITERIA, 9), "comment": "A museum to visit."})
    with _as("val-eu"):
        api.content.transition(obj=prize_round, transition="announce")


def create_learning_event(portal) -> None:
    """An online seminar held ten days ago; Ana registered and completed it (her certificate)."""
    container = portal["learning"]
    if EVENT_ID in container:
        return
    today = date.today()
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(days=10)
    with _as("val-es"):
        event = api.content.create(
            container=container,
            type="LearningEvent",
            id=EVENT_ID,
            safe_id=False,
            title="Project-based learning with eTwinning",
            description="A live online seminar on planning a project with a partner class.",
            text=html("<p>Two hours with examples from labelled projects, then questions.</p>"),
            kind="online_seminar",
            capacity=30,
            hours=2,
            language="es",
            country="ES",
            registration_opens=today - timedelta(days=30),
            registration_closes=today - timedelta(days=11),
            start=start,
            end=start + timedelta(hours=2),
        )
        api.content.transition(obj=event, transition="publish")
    with _as("ana"):
        register(event, "ana", today=today - timedelta(days=20))
    with _as("val-es"):
        mark(event, {"completed": ["ana"]})


def registered_long_ago(organisation) -> None:
    """The demo school registered three years ago (the School label asks for two)."""
    organisation.creation_date = DateTime() - 3 * 365
    organisation.reindexObject(idxs=["created"])


def create_recognition(portal) -> None:
    project = create_labelled_project(portal)
    create_school_label_call(portal)
    create_prize_round(portal, project)
    create_learning_event(portal)
