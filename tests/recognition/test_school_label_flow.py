"""A School label call from application to award: rules, decision, the label on the organisation,
the organisation search facet."""

from collective.twinning.errors import FieldError
from collective.twinning.recognition.applications import application_problems
from collective.twinning.recognition.applications import evaluate
from collective.twinning.recognition.calls import eligible_organisations
from collective.twinning.recognition.calls import tell_eligible_schools
from collective.twinning.recognition.school_label import awarded_until
from collective.twinning.recognition.school_label import eligibility
from collective.twinning.search.engine import run as run_search
from collective.twinning.search.specs import ORGANISATIONS
from datetime import timedelta
from plone import api
from tests.recognition.conftest import _relation
from tests.recognition.conftest import apply
from tests.recognition.conftest import EUROPEAN
from tests.recognition.conftest import GOOD
from tests.recognition.conftest import make_call
from tests.recognition.conftest import make_org
from tests.recognition.conftest import school_teacher
from tests.recognition.conftest import TODAY
from tests.recognition.conftest import VALIDATOR_ES
from tests.recognition.conftest import VALIDATOR_IT
from zExceptions import Forbidden
from zope.i18n import translate

import pytest


def run(spec, params):
    """The search ``spec`` on ``params`` as the portal's request form, as the test user."""
    request = api.portal.get().REQUEST
    request.form.clear()
    request.form.update(params)
    try:
        return run_search(spec, request)
    finally:
        request.form.clear()


def decide(application, validator, decision, scores=GOOD):
    with api.env.adopt_user(username=validator):
        return evaluate(
            application,
            validator,
            {"scores": scores, "comment": "A school of eTwinners.", "decision": decision},
        )


def problems(call, organisation, applicant, acting=None):
    with api.env.adopt_user(username=acting or applicant):
        return [
            translate(p)
            for p in application_problems(
                {"organisation": _relation(organisation), "applicant": applicant}, call
            )
        ]


def test_award_stores_the_label_on_the_organisation_and_the_search_finds_it(portal, school):
    call = make_call(portal)
    application = apply(call, school)
    assert api.content.get_state(obj=application) == "submitted"
    assert application.country == "ES"
    result = decide(application, VALIDATOR_ES, "award")
    assert result["state"] == "awarded"
    assert awarded_until(school) == "2027-08-31" and result["awarded_until"] == "2027-08-31"
    assert eligibility(school)["school_years"] == ["2025-2026", "2026-2027"]
    found = run(ORGANISATIONS, {"school_label": "2026-2027"})
    assert [item["UID"] for item in found["items"]] == [school.UID()]
    assert found["items"][0]["school_label_until"] == "2027-08-31"
    assert run(ORGANISATIONS, {})["facets"]["school_label"] == {"2025-2026": 1, "2026-2027": 1}
    assert run(ORGANISATIONS, {"school_label": "2027-2028"})["items_total"] == 0


def test_a_rejected_application_leaves_no_label(portal, school):
    application = apply(make_call(portal), school)
    decide(application, VALIDATOR_ES, "reject", dict.fromkeys(GOOD, 3))
    assert api.content.get_state(obj=application) == "rejected"
    assert awarded_until(school) is None
    assert run(ORGANISATIONS, {})["facets"]["school_label"] == {}


@pytest.mark.parametrize("validator", [VALIDATOR_IT, EUROPEAN, "teacher-ana"])
def test_only_a_validator_of_the_school_country_decides(portal, school, validator):
    application = apply(make_call(portal), school)
    with pytest.raises(Forbidden):
        decide(application, validator, "award")
    assert api.content.get_state(obj=application) == "submitted"


def test_award_needs_five_on_every_statement_and_writes_nothing_otherwise(portal, school):
    application = apply(make_call(portal), school)
    with pytest.raises(FieldError) as error:
        decide(application, VALIDATOR_ES, "award", {**GOOD, "inclusion": 4})
    assert error.value.field == "scores"
    assert api.content.get_state(obj=application) == "submitted"
    assert awarded_until(school) is None


@pytest.mark.parametrize(
    "scores",
    [
        {**GOOD, "innovation": 11},
        {**GOOD, "innovation": True},
        {"innovation": 5},
        {**GOOD, "other": 5},
        [1, 2],
    ],
)
def test_bad_scores_name_the_field(portal, school, scores):
    application = apply(make_call(portal), school)
    with pytest.raises(FieldError) as error:
        decide(application, VALIDATOR_ES, None, scores)
    assert error.value.field == "scores"


def test_who_may_apply(portal, school):
    call = make_call(portal)
    assert problems(call, school, "teacher-ana") == []
    assert "applicant must be you" in problems(call, school, "teacher-pablo", acting="teacher-ana")[0]
    other = make_org(portal, "colegio-sol")
    assert "no teacher of this school" in problems(call, other, "teacher-ana")[0]
    italian = make_org(portal, "liceo", country="IT")
    school_teacher("teacher-gino", italian, "IT")
    assert "this call is for schools of ES" in problems(call, italian, "teacher-gino")[0]
    apply(call, school, "teacher-pablo", submit=False)
    assert "already applied in this call" in problems(call, school, "teacher-ana")[0]


def test_an_ineligible_school_cannot_apply(portal, school):
    school.creation_date = school.creation_date.__class__(f"{TODAY.isoformat()} 08:00:00 UTC")
    school.reindexObject()
    [problem] = problems(make_call(portal), school, "teacher-ana")
    assert "not eligible" in problem and "two years are reached" in problem


@pytest.mark.parametrize(
    "state,dates",
    [
        ("closed", {}),
        ("open", {"opens": TODAY + timedelta(days=1)}),
        ("open", {"closes": TODAY - timedelta(days=1), "opens": TODAY - timedelta(days=20)}),
    ],
)
def test_applications_only_while_the_call_is_open(portal, school, state, dates):
    call = make_call(portal, state=state, **dates)
    assert "applications are taken from" in problems(call, school, "teacher-ana")[0]


def test_opening_a_call_tells_the_teachers_of_eligible_schools(portal, school):
    young = make_org(portal, "young-school", registered=TODAY - timedelta(days=100))
    school_teacher("teacher-lola", young)
    call = make_call(portal, state="draft")
    assert [o.getId() for o in eligible_organisations(call)] == [school.getId()]
    from collective.twinning.collaboration.notifications import listing
    from collective.twinning.security import as_system

    with as_system(VALIDATOR_ES):
        api.content.transition(obj=call, transition="open")
    for teacher in ("teacher-ana", "teacher-pablo", "teacher-rosa"):
        assert "eligible for the eTwinning School label" in listing(teacher)["items"][0]["title"]
    assert listing("teacher-lola")["items"] == []
    assert tell_eligible_schools(call) == {school.UID(): ["teacher-ana", "teacher-pablo", "teacher-rosa"]}


def test_the_european_service_calls_for_every_country(portal, school):
    call = make_call(portal, owner=EUROPEAN, country=None)
    application = apply(call, school)
    assert application.country == "ES"
    decide(application, VALIDATOR_ES, "award")
    assert awarded_until(school) == "2027-08-31"


def test_the_organisation_page_shows_the_label(portal, school):
    from collective.twinning.browser.views.items import OrganisationView

    view = OrganisationView(school, portal.REQUEST)
    assert view.school_label() is None
    decide(apply(make_call(portal), school), VALIDATOR_ES, "award")
    facts = {fact["title"]: fact["value"] for fact in OrganisationView(school, portal.REQUEST).facts()}
    assert facts["eTwinning School label"] == "until 2027-08-31"


def test_the_eligibility_notification_is_a_translated_message(portal, school):
    """Its title follows the reader's language (a message id with the school and the year)."""
    from collective.twinning.collaboration.notifications import listing
    from collective.twinning.security import as_system
    from zope.i18n import translate

    api.user.get(userid="teacher-ana").setMemberProperties({"notification_mail": "immediately"})
    mailhost = api.portal.get_tool("MailHost")
    mailhost.reset()
    call = make_call(portal, state="draft")
    with as_system(VALIDATOR_ES):
        api.content.transition(obj=call, transition="open")
    mailed = [message for message in mailhost.messages if b"teacher-ana@" in message]
    assert len(mailed) == 1 and b"${" not in mailed[0] and b"eligible for the eTwinning" in mailed[0]
    title = listing("teacher-ana")["items"][0]["title"]
    assert translate(title, target_language="en") == (
        "School ies-cervantes: eligible for the eTwinning School label (2025-2026)"
    )
    assert translate(title, target_language="es") == (
        "School ies-cervantes: puede optar al sello de Centro eTwinning (2025-2026)"
    )
