"""The eTwinning School label in the Classic UI: who may apply, submit and decide; bad input;
the eligibility on the call, the organisation page and My space; /recognition."""

from collective.twinning.recognition.applications import evaluate
from collective.twinning.recognition.applications import evaluation_of
from plone import api
from tests.helpers import create_pupil_account
from tests.recognition.conftest import apply
from tests.recognition.conftest import EUROPEAN
from tests.recognition.conftest import GOOD
from tests.recognition.conftest import make_call
from tests.recognition.conftest import make_org
from tests.recognition.conftest import school  # noqa: F401 (fixture)
from tests.recognition.conftest import school_teacher
from tests.recognition.conftest import STATEMENT
from tests.recognition.conftest import STATEMENTS
from tests.recognition.conftest import VALIDATOR_ES
from tests.recognition.conftest import VALIDATOR_IT
from tests.recognition.conftest import validators  # noqa: F401 (fixture)
from zExceptions import NotFound
from zExceptions import Unauthorized

import pytest


TEACHER, OTHER_TEACHER, PUPIL = "teacher-ana", "teacher-omar", "pupil-leo"
ANONYMOUS = None
# Who, as the table's rows name them.
PEOPLE = {
    "anonymous": ANONYMOUS,
    "pupil": PUPIL,
    "teacher of the school": TEACHER,
    "teacher of another school": OTHER_TEACHER,
    "validator of the country": VALIDATOR_ES,
    "validator of another country": VALIDATOR_IT,
    "European validator": EUROPEAN,
}


@pytest.fixture
def label_world(portal, school):  # noqa: F811
    """The eligible school, a school of another teacher (not eligible), a pupil, an open call."""
    other = make_org(portal, "ies-goya")
    school_teacher(OTHER_TEACHER, other)
    create_pupil_account(PUPIL)
    return {"school": school, "other": other, "call": make_call(portal)}


def statements_form(**changes) -> dict:
    return {**STATEMENTS, "declaration_confirmed": "1", "form.submitted": "1", **changes}


def outcome(render, obj, view, userid, form) -> str:
    """ "done" (redirected), "refused" (a message on the page) or "unauthorized"."""
    try:
        result = render(obj, view, userid, form, post=True)
    except Unauthorized:
        return "unauthorized"
    return "refused" if 'id="form-error"' in result or "invalid-feedback" in result else "done"


def applications_of(call) -> list:
    return [obj for obj in call.objectValues() if obj.portal_type == "SchoolLabelApplication"]


# Role × action: apply (open call), submit (a draft), evaluate (a submitted application) --------


@pytest.mark.parametrize(
    "person,expected",
    [
        ("anonymous", "unauthorized"),
        ("pupil", "unauthorized"),
        ("teacher of the school", "done"),
        ("teacher of another school", "refused"),  # its school is not eligible
        ("validator of the country", "unauthorized"),
        ("validator of another country", "unauthorized"),
        ("European validator", "unauthorized"),
    ],
)
def test_apply_for_the_school(label_world, render, person, expected):
    call = label_world["call"]
    assert outcome(render, call, "school-label-apply", PEOPLE[person], statements_form()) == expected
    created = applications_of(call)
    assert len(created) == (1 if expected == "done" else 0)
    if created:
        application = created[0]
        assert application.applicant == TEACHER
        assert application.organisation.to_object.UID() == label_world["school"].UID()
        assert application.country == "ES"
        assert api.content.get_state(obj=application) == "draft"


def test_apply_in_a_closed_call_is_refused(portal, label_world, render):
    call = make_call(portal, state="closed")
    assert outcome(render, call, "school-label-apply", TEACHER, statements_form()) == "unauthorized"
    assert applications_of(call) == []


@pytest.mark.parametrize(
    "person,expected",
    [
        ("anonymous", "unauthorized"),
        ("pupil", "unauthorized"),
        ("teacher of the school", "done"),
        ("teacher of another school", "unauthorized"),  # a draft is its applicant's
        # The call's creator (this validator) no longer reaches a school's draft: applications block
        # the call's local roles (tests/recognition/test_application_roles.py).
        ("validator of the country", "unauthorized"),
        ("validator of another country", "unauthorized"),
        ("European validator", "unauthorized"),
    ],
)
def test_submit_the_application(label_world, render, person, expected):
    application = apply(label_world["call"], label_world["school"], submit=False)
    form = {"transition": "submit"}
    assert outcome(render, application, "twinning-transition", PEOPLE[person], form) == expected
    state = "submitted" if expected == "done" else "draft"
    assert api.content.get_state(obj=application) == state


@pytest.mark.parametrize(
    "person,expected",
    [
        ("anonymous", "unauthorized"),
        ("pupil", "unauthorized"),
        ("teacher of the school", "unauthorized"),
        ("teacher of another school", "unauthorized"),
        ("validator of the country", "done"),
        ("validator of another country", "unauthorized"),
        ("European validator", "unauthorized"),
    ],
)
def test_evaluate_the_application(label_world, render, person, expected):
    application = apply(label_world["call"], label_world["school"])
    form = {f"scores.{name}": str(score) for name, score in GOOD.items()}
    form.update({"comment": "A school where pupils lead.", "decision": "award", "form.submitted": "1"})
    assert outcome(render, application, "school-label-evaluation", PEOPLE[person], form) == expected
    state = "awarded" if expected == "done" else "submitted"
    assert api.content.get_state(obj=application) == state
    assert bool(getattr(label_world["school"], "school_labels", ())) is (expected == "done")
    assert (evaluation_of(application) is not None) is (expected == "done")


def test_award_and_reject_are_not_plain_transitions(label_world, render):
    """The decision needs scores and a comment: the transition form refuses it."""
    application = apply(label_world["call"], label_world["school"])
    with api.env.adopt_user(username=VALIDATOR_ES):  # scored: the workflow's guard would let it pass
        evaluate(application, VALIDATOR_ES, {"scores": GOOD, "comment": "Good."})
    html = render(application, "twinning-transition", VALIDATOR_ES, {"transition": "reject"}, post=True)
    assert 'id="form-error"' in html
    assert api.content.get_state(obj=application) == "submitted"


def test_submit_and_evaluate_buttons_follow_the_person(label_world, render):
    application = apply(label_world["call"], label_world["school"], submit=False)
    html = render(application, "view", TEACHER)
    assert 'data-test="transition-submit"' in html and 'id="edit-item"' in html
    assert 'id="evaluate-application"' not in html
    render(application, "twinning-transition", TEACHER, {"transition": "submit"}, post=True)
    html = render(application, "view", VALIDATOR_ES)
    assert 'id="evaluate-application"' in html and 'data-test="transition-' not in html
    assert STATEMENT in html and 'data-confirmed="true"' in html
    assert 'id="evaluate-application"' not in render(application, "view", TEACHER)


# Bad input: a message naming the field, nothing written -----------------------------------


@pytest.mark.parametrize(
    "change,field,words",
    [
        ({"scores.innovation": "11"}, "form-error", "scores.innovation"),
        ({"scores.inclusion": "seven"}, "form-error", "scores.inclusion"),
        ({"decision": "reject", "comment": ""}, "error-comment", "comment is required"),
        ({"decision": "award", "scores.collaboration": "4"}, "form-error", "collaboration"),
    ],
)
def test_bad_evaluation_is_refused(label_world, render, change, field, words):
    application = apply(label_world["call"], label_world["school"])
    form = {f"scores.{name}": str(score) for name, score in GOOD.items()}
    form.update({"comment": "Fine.", "decision": "", "form.submitted": "1", **change})
    html = render(application, "school-label-evaluation", VALIDATOR_ES, form, post=True)
    assert f'id="{field}"' in html and words in html
    assert evaluation_of(application) is None
    assert api.content.get_state(obj=application) == "submitted"


@pytest.mark.parametrize(
    "change,field,words",
    [
        ({"inclusion": "Too short."}, "inclusion", "Inclusion: between 150 and 2000 characters"),
        ({"innovation": "x" * 2001}, "innovation", "(this one has 2001)"),
        ({"declaration_confirmed": ""}, "declaration_confirmed", "declaration_confirmed must be true"),
    ],
)
def test_bad_application_is_refused(label_world, render, change, field, words):
    call = label_world["call"]
    html = render(call, "school-label-apply", TEACHER, statements_form(**change), post=True)
    assert f'id="error-{field}"' in html and words in html
    assert "Too short." in html or field != "inclusion"  # what was typed stays
    assert applications_of(call) == []


def test_a_second_application_of_the_school_is_refused(label_world, render):
    call = label_world["call"]
    apply(call, label_world["school"], teacher="teacher-pablo")
    html = render(call, "school-label-apply", TEACHER, statements_form(), post=True)
    assert 'id="form-error"' in html and "already applied" in html
    assert len(applications_of(call)) == 1


# Eligibility on the call and on the organisation page -------------------------------------


def test_call_page_shows_the_teachers_eligibility(label_world, render):
    call = label_world["call"]
    html = render(call, "view", TEACHER)
    assert 'data-eligible="true"' in html and 'id="apply-school-label"' in html
    assert html.count('data-met="true"') == 3
    html = render(call, "view", OTHER_TEACHER)
    assert 'data-eligible="false"' in html and 'id="apply-school-label"' not in html
    assert "0 of its teachers were active since" in html
    assert 'data-criterion="national_quality_label" data-met="false"' in html
    html = render(call, "view", ANONYMOUS)
    assert 'id="call-facts"' in html and 'id="my-school-eligibility"' not in html
    assert 'id="call-applications"' not in html


def test_call_page_lists_applications_for_the_countrys_validators(label_world, render):
    call = label_world["call"]
    apply(call, label_world["school"])
    html = render(call, "view", VALIDATOR_ES)
    assert 'id="call-applications"' in html and 'data-state="submitted"' in html
    assert 'data-test="transition-close"' in html
    html = render(call, "view", VALIDATOR_IT)
    assert 'id="call-applications"' not in html and 'data-test="transition-close"' not in html
    html = render(call, "view", TEACHER)
    assert 'id="my-school-application"' in html and 'id="apply-school-label"' not in html


def test_organisation_page_shows_eligibility_to_its_own_teachers(label_world, render):
    organisation = label_world["school"]
    html = render(organisation, "view", TEACHER)
    assert 'id="organisation-school-label"' in html and 'data-eligible="true"' in html
    for userid in (ANONYMOUS, OTHER_TEACHER, VALIDATOR_ES):
        assert 'id="organisation-school-label"' not in render(organisation, "view", userid)


def test_organisation_page_without_an_open_call(portal, school, render):  # noqa: F811
    html = render(school, "view", TEACHER)
    assert 'id="organisation-school-label"' in html and "No School label call is open" in html
    assert "data-eligible" not in html


# My space and /recognition ----------------------------------------------------------------


def test_my_space_recognition(label_world, render):
    application = apply(label_world["call"], label_world["school"])
    html = render(api.portal.get(), "my-space", TEACHER)
    assert 'id="myspace-recognition"' in html
    assert f'data-id="{application.getId()}" data-state="submitted"' in html
    assert 'id="my-quality-labels"' in html and 'data-id="nql-teacher-ana"' in html
    assert 'data-eligible="true"' in html and 'id="my-school-until"' not in html
    form = {f"scores.{name}": "8" for name in GOOD}
    form.update({"comment": "Well done.", "decision": "award", "form.submitted": "1"})
    render(application, "school-label-evaluation", VALIDATOR_ES, form, post=True)
    html = render(api.portal.get(), "my-space", TEACHER)
    assert 'id="my-school-until"' in html and "data-eligible" not in html
    assert 'data-state="awarded"' in html


def test_my_space_recognition_of_others(label_world, render):
    html = render(api.portal.get(), "my-space", OTHER_TEACHER)
    assert 'id="myspace-recognition"' in html and 'data-eligible="false"' in html
    assert 'id="myspace-recognition"' not in render(api.portal.get(), "my-space", PUPIL)


def test_recognition_overview(label_world, render, portal):
    container = portal["recognition"]
    make_call(portal, country="IT", owner=VALIDATOR_IT, state="closed")
    html = render(container, "recognition-overview", ANONYMOUS)
    assert 'id="open-calls"' in html and 'id="prize-rounds"' in html
    assert html.count('data-state="open"') == 1 and html.count('data-state="closed"') == 1
    assert 'id="add-call"' not in html
    assert 'id="add-call"' in render(container, "recognition-overview", VALIDATOR_ES)
    assert 'id="add-call"' not in render(container, "recognition-overview", TEACHER)
    with pytest.raises(NotFound):
        render(portal["projects"], "recognition-overview", ANONYMOUS)


def test_plones_add_form_leads_to_the_apply_form(label_world, portal):
    """Plone's add form refuses every application (its invariant sees no call): ++add++ redirects."""
    from tests.browser_views.conftest import prepare

    call = label_world["call"]
    prepare(portal.REQUEST)
    with api.env.adopt_user(username=TEACHER):
        call.restrictedTraverse("++add++SchoolLabelApplication")()
    assert portal.REQUEST.response.getHeader("location") == f"{call.absolute_url()}/@@school-label-apply"
    with api.env.adopt_user(username=VALIDATOR_IT), pytest.raises(Unauthorized):
        call.restrictedTraverse("++add++SchoolLabelApplication")()


def test_eligibility_in_spanish(label_world, render, spanish):
    html = render(label_world["call"], "view", OTHER_TEACHER)
    assert "El centro aún no puede optar." in html and "No cumplido" in html
    assert "Docentes activos" in html and "Not met" not in html
