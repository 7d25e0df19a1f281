"""mobility_workflow and quality_label_workflow: their permission tables in Python."""

from collective.twinning.labels.evaluation import ANNOTATION_KEY
from collective.twinning.security import as_system
from persistent.mapping import PersistentMapping
from plone import api
from plone.api.exc import InvalidParameterError
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import create_validator
from tests.helpers import GOOD_SCORES
from tests.helpers import make_label
from tests.helpers import make_mobility
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import acting_as as space_acting_as
from tests.workflows.conftest import build_project
from tests.workflows.erasmus_matrix import LABEL
from tests.workflows.erasmus_matrix import LABEL_STATES
from tests.workflows.erasmus_matrix import LABEL_TRANSITIONS
from tests.workflows.erasmus_matrix import MOBILITY
from tests.workflows.erasmus_matrix import MOBILITY_STATES
from tests.workflows.erasmus_matrix import MOBILITY_TRANSITIONS
from tests.workflows.erasmus_matrix import ROLES
from zope.annotation.interfaces import IAnnotations

import contextlib
import pytest


EUROPEAN = "validator-eu-central"


@contextlib.contextmanager
def acting_as(role):
    if role == "european":
        with api.env.adopt_user(username=EUROPEAN):
            yield
    else:
        with space_acting_as(role):
            yield


def _can(permission, obj) -> bool:
    return bool(api.user.has_permission(permission, obj=obj))


def _transitions(obj) -> set[str]:
    return {t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)}


def running_project(portal):
    space, _page, _materials = build_project(portal, "running")
    create_account(EUROPEAN, "BE", roles=["EuropeanValidator"])
    return space


def allowed(obj, checks) -> dict[str, set[str]]:
    result = {action: set() for action in checks}
    for role in ROLES:
        with acting_as(role):
            for action, check in checks.items():
                if check(obj):
                    result[action].add(role)
    return result


MOBILITY_CHECKS = {
    "view": lambda obj: _can("View", obj),
    "modify": lambda obj: _can("Modify portal content", obj),
    "delete": lambda obj: _can("Delete objects", obj),
}


@pytest.mark.parametrize("state", MOBILITY_STATES)
def test_mobility_permission_table(portal, state):
    space = running_project(portal)
    mobility = make_mobility(space, ACCOUNTS["teacher"], state=state)
    assert api.content.get_state(obj=mobility) == state
    expected = {action: set(MOBILITY[action][state]) for action in MOBILITY_CHECKS}
    assert allowed(mobility, MOBILITY_CHECKS) == expected


@pytest.mark.parametrize(
    "transition,state,roles", MOBILITY_TRANSITIONS, ids=[f"{t}-{s}" for t, s, _ in MOBILITY_TRANSITIONS]
)
def test_mobility_transition_table(portal, transition, state, roles):
    space = running_project(portal)
    mobility = make_mobility(space, ACCOUNTS["teacher"], state=state)
    if transition == "report":
        from plone.app.textfield.value import RichTextValue

        mobility.report = RichTextValue("<p>What we learnt.</p>", "text/html", "text/x-html-safe")
    may = allowed(mobility, {"fire": lambda obj: transition in _transitions(obj)})["fire"]
    assert may == set(roles)


@pytest.mark.parametrize("report", [None, "", "<p> &nbsp; </p>"])
def test_reported_needs_a_report(portal, report):
    from plone.app.textfield.value import RichTextValue

    space = running_project(portal)
    mobility = make_mobility(space, ACCOUNTS["teacher"], state="completed")
    mobility.report = None if report is None else RichTextValue(report, "text/html", "text/x-html-safe")
    with acting_as("founder"):
        assert "report" not in _transitions(mobility)
        with pytest.raises(InvalidParameterError):  # the transition's guard refuses it
            api.content.transition(obj=mobility, transition="report")
    assert api.content.get_state(obj=mobility) == "completed"


def test_mobility_lifecycle_by_a_teacher(portal):
    from plone.app.textfield.value import RichTextValue

    space = running_project(portal)
    mobility = make_mobility(space, ACCOUNTS["founder"])
    with acting_as("teacher"):
        for transition in ("confirm", "complete"):
            api.content.transition(obj=mobility, transition=transition)
        mobility.report = RichTextValue("<p>Observed lessons.</p>", "text/html", "text/x-html-safe")
        api.content.transition(obj=mobility, transition="report")
    assert api.content.get_state(obj=mobility) == "reported"
    history = mobility.workflow_history["mobility_workflow"]
    assert [entry["action"] for entry in history] == [None, "confirm", "complete", "report"]
    assert history[-1]["actor"] == ACCOUNTS["teacher"]


def test_archived_project_freezes_its_mobilities(portal):
    space = running_project(portal)
    mobility = make_mobility(space, ACCOUNTS["teacher"])
    with as_system():
        for transition in ("conclude", "archive"):
            api.content.transition(obj=space, transition=transition)
    may = allowed(mobility, {"fire": lambda obj: bool(_transitions(obj))})["fire"]
    assert may == set()


# Quality Label applications ------------------------------------------------

LABEL_CHECKS = {
    "view": lambda obj: _can("View", obj),
    "modify": lambda obj: _can("Modify portal content", obj),
    "evaluate": lambda obj: _can("collective.twinning: Evaluate quality label", obj),
    "view_evaluation": lambda obj: _can("collective.twinning: View evaluation", obj),
}


@pytest.mark.parametrize("state", LABEL_STATES)
def test_label_permission_table(portal, state):
    space = running_project(portal)
    label = make_label(space, ACCOUNTS["teacher"])
    bring_label_to(label, state, ACCOUNTS["validator"])
    assert api.content.get_state(obj=label) == state
    expected = {action: set(LABEL[action][state]) for action in LABEL_CHECKS}
    assert allowed(label, LABEL_CHECKS) == expected


def _european_ready(space):
    """Two national labels held by partners of different countries (ES, IT)."""
    create_account("teacher-italo", "IT", roles=["Teacher"])
    from collective.twinning.membership.roster import Roster

    with as_system():
        Roster(space).set("teacher-italo", "TwinSpaceTeacher")
    bring_label_to(make_label(space, ACCOUNTS["teacher"]), "awarded", ACCOUNTS["validator"])
    create_validator("validator-it", "IT")
    bring_label_to(make_label(space, "teacher-italo"), "awarded", "validator-it")


@pytest.mark.parametrize(
    "transition,level,state,roles",
    LABEL_TRANSITIONS,
    ids=[f"{t}-{lvl}-{s}" for t, lvl, s, _ in LABEL_TRANSITIONS],
)
def test_label_transition_table(portal, transition, level, state, roles):
    space = running_project(portal)
    if level == "european":
        _european_ready(space)
    label = make_label(
        space, ACCOUNTS["founder"] if level == "european" else ACCOUNTS["teacher"], level=level
    )
    if state == "submitted":
        with as_system(label.applicant):
            api.content.transition(obj=label, transition="submit")
        # Scored by an administrator beforehand, so award and reject are open.
        IAnnotations(label)[ANNOTATION_KEY] = PersistentMapping(
            scores=PersistentMapping(GOOD_SCORES), comment="Fine.", by="admin", date="2027-05-01"
        )
    may = allowed(label, {"fire": lambda obj: transition in _transitions(obj)})["fire"]
    assert may == set(roles)


@pytest.mark.parametrize("decision", ["award", "reject"])
def test_no_decision_before_an_evaluation(portal, decision):
    space = running_project(portal)
    label = bring_label_to(make_label(space, ACCOUNTS["teacher"]), "submitted", ACCOUNTS["validator"])
    may = allowed(label, {"fire": lambda obj: decision in _transitions(obj)})["fire"]
    assert may == set()
