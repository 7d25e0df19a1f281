"""Scores, the decision by the right validator, the project's automatic label, the mails."""

from collective.twinning.labels.awarded import awarded_labels_of
from collective.twinning.labels.awarded import awarded_levels
from collective.twinning.labels.evaluation import evaluate
from collective.twinning.labels.evaluation import evaluation_of
from collective.twinning.security import as_system
from plone import api
from tests.helpers import bring_label_to
from tests.helpers import decide_label
from tests.helpers import GOOD_SCORES
from tests.helpers import make_label
from tests.helpers import submit_label
from tests.labels.conftest import EUROPEAN
from tests.labels.conftest import FOUNDER
from tests.labels.conftest import PARTNER
from tests.labels.conftest import project
from tests.labels.conftest import TEACHER
from tests.labels.conftest import VALIDATOR_ES
from tests.labels.conftest import VALIDATOR_FR
from tests.labels.conftest import VALIDATOR_IT
from tests.lifecycle.test_notifications import address
from tests.lifecycle.test_notifications import mails
from tests.lifecycle.test_notifications import recipients
from zExceptions import BadRequest
from zExceptions import Forbidden

import pytest


def catalog_levels(space) -> list[str]:
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        brains = catalog(UID=space.UID())
        index = catalog._catalog.getIndex("quality_labels")
        return sorted(index.getEntryForObject(brains[0].getRID(), []) or [])


@pytest.fixture
def submitted(space):
    return submit_label(make_label(space, TEACHER))


def test_the_validator_of_the_applicants_country_awards(space, submitted, state_of):
    result = decide_label(submitted, VALIDATOR_ES, "award")
    assert result["state"] == "awarded"
    assert result["evaluation"]["scores"] == GOOD_SCORES
    assert result["evaluation"]["by"] == VALIDATOR_ES
    assert state_of(submitted) == "awarded"
    history = submitted.workflow_history["quality_label_workflow"]
    assert (history[-1]["action"], history[-1]["actor"]) == ("award", VALIDATOR_ES)


@pytest.mark.parametrize(
    "validator,level",
    [
        (VALIDATOR_FR, "national"),  # another country
        (VALIDATOR_IT, "national"),  # a country of the project, not the applicant's
        (EUROPEAN, "national"),  # the European level does not decide national labels
        (TEACHER, "national"),
    ],
)
@pytest.mark.parametrize("decision", ["award", "reject", None])
def test_the_wrong_validator_is_refused(space, submitted, state_of, validator, level, decision):
    with api.env.adopt_user(username=validator), pytest.raises(Forbidden):
        evaluate(submitted, validator, {"scores": GOOD_SCORES, "comment": "Fine.", "decision": decision})
    assert state_of(submitted) == "submitted"
    assert evaluation_of(submitted) is None


def _european_application(space):
    bring_label_to(make_label(space, TEACHER), "awarded", VALIDATOR_ES)
    bring_label_to(make_label(space, PARTNER), "awarded", VALIDATOR_IT)
    return submit_label(make_label(space, FOUNDER, level="european"))


def test_a_european_label_is_decided_by_a_european_validator(space, state_of):
    application = _european_application(space)
    for validator in (VALIDATOR_ES, VALIDATOR_IT):
        with api.env.adopt_user(username=validator), pytest.raises(Forbidden):
            evaluate(application, validator, {"scores": GOOD_SCORES, "comment": "x", "decision": "award"})
    decide_label(application, EUROPEAN, "award")
    assert state_of(application) == "awarded"
    assert awarded_levels(space) == ["national", "european"]
    assert catalog_levels(space) == ["european", "national"]


@pytest.mark.parametrize("criterion", sorted(GOOD_SCORES))
def test_award_needs_five_on_every_criterion(submitted, state_of, criterion):
    scores = {**GOOD_SCORES, criterion: 4}
    with api.env.adopt_user(username=VALIDATOR_ES), pytest.raises(BadRequest) as error:
        evaluate(submitted, VALIDATOR_ES, {"scores": scores, "comment": "Almost.", "decision": "award"})
    assert criterion in str(error.value)
    assert state_of(submitted) == "submitted"
    assert evaluation_of(submitted) is None  # nothing written
    # The same scores may be recorded, and the application rejected.
    decide_label(submitted, VALIDATOR_ES, "reject", scores=scores)
    assert state_of(submitted) == "rejected"


def test_scores_of_five_are_enough(submitted, state_of):
    decide_label(submitted, VALIDATOR_ES, "award", scores=dict.fromkeys(GOOD_SCORES, 5))
    assert state_of(submitted) == "awarded"


def test_evaluate_then_decide_later(submitted, state_of):
    with api.env.adopt_user(username=VALIDATOR_ES):
        evaluate(submitted, VALIDATOR_ES, {"scores": GOOD_SCORES, "comment": "Good work."})
        assert state_of(submitted) == "submitted"
        assert "award" in {
            t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(submitted)
        }
        result = evaluate(submitted, VALIDATOR_ES, {"decision": "award"})
    assert result["state"] == "awarded"
    assert result["evaluation"]["comment"] == "Good work."


@pytest.mark.parametrize(
    "data,field",
    [
        ({"comment": "x"}, "scores"),
        ({"scores": [], "comment": "x"}, "scores"),
        ({"scores": {**GOOD_SCORES, "fun": 3}, "comment": "x"}, "fun"),
        (
            {"scores": {k: v for k, v in GOOD_SCORES.items() if k != "collaboration"}, "comment": "x"},
            "collaboration",
        ),
        ({"scores": {**GOOD_SCORES, "collaboration": 11}, "comment": "x"}, "scores.collaboration"),
        ({"scores": {**GOOD_SCORES, "collaboration": -1}, "comment": "x"}, "scores.collaboration"),
        ({"scores": {**GOOD_SCORES, "collaboration": "7"}, "comment": "x"}, "scores.collaboration"),
        ({"scores": {**GOOD_SCORES, "collaboration": 7.5}, "comment": "x"}, "scores.collaboration"),
        ({"scores": {**GOOD_SCORES, "collaboration": True}, "comment": "x"}, "scores.collaboration"),
        ({"scores": GOOD_SCORES}, "comment"),
        ({"scores": GOOD_SCORES, "comment": "  "}, "comment"),
        ({"scores": GOOD_SCORES, "comment": "x", "decision": "maybe"}, "decision"),
    ],
)
def test_bad_evaluations_are_refused(submitted, state_of, data, field):
    with api.env.adopt_user(username=VALIDATOR_ES), pytest.raises(BadRequest) as error:
        evaluate(submitted, VALIDATOR_ES, data)
    assert field in str(error.value)
    assert evaluation_of(submitted) is None
    assert state_of(submitted) == "submitted"


@pytest.mark.parametrize("state", ["draft", "awarded", "rejected"])
def test_evaluations_while_submitted_only(space, state):
    label = bring_label_to(make_label(space, TEACHER), state, VALIDATOR_ES)
    with api.env.adopt_user(username=VALIDATOR_ES), pytest.raises(BadRequest):
        evaluate(label, VALIDATOR_ES, {"scores": GOOD_SCORES, "comment": "Again."})


@pytest.mark.parametrize("state", ["running", "concluded"])
def test_awarding_labels_the_project(portal, people, state, state_of):
    space = project(portal, state)
    label = bring_label_to(make_label(space, TEACHER), "awarded", VALIDATOR_ES)
    assert state_of(space) == "labelled"
    last = space.workflow_history["twinspace_workflow"][-1]
    assert (last["action"], last["actor"]) == ("label", VALIDATOR_ES)
    assert awarded_levels(space) == ["national"]
    assert catalog_levels(space) == ["national"]
    assert label.applicant_country == "ES"


def test_a_labelled_project_stays_labelled(space, state_of):
    bring_label_to(make_label(space, TEACHER), "awarded", VALIDATOR_ES)
    history_length = len(space.workflow_history["twinspace_workflow"])
    bring_label_to(make_label(space, PARTNER), "awarded", VALIDATOR_IT)
    assert state_of(space) == "labelled"
    assert len(space.workflow_history["twinspace_workflow"]) == history_length


def test_a_rejection_does_not_label_the_project(space, state_of):
    bring_label_to(make_label(space, TEACHER), "rejected", VALIDATOR_ES)
    assert state_of(space) == "running"
    assert awarded_levels(space) == []
    assert catalog_levels(space) == []


def test_deleting_an_awarded_label_updates_the_facet(space):
    label = bring_label_to(make_label(space, TEACHER), "awarded", VALIDATOR_ES)
    with as_system():
        api.content.delete(obj=label)
    assert catalog_levels(space) == []


def test_submission_mails_the_validators_of_the_level(space, mailhost):
    submit_label(make_label(space, TEACHER))
    assert recipients(mailhost) == {address(VALIDATOR_ES)}
    mailhost.reset()
    bring_label_to(make_label(space, FOUNDER, id_="founder-national"), "awarded", VALIDATOR_ES)
    bring_label_to(make_label(space, PARTNER), "awarded", VALIDATOR_IT)
    mailhost.reset()
    submit_label(make_label(space, FOUNDER, level="european"))
    assert recipients(mailhost) == {address(EUROPEAN)}


@pytest.mark.parametrize("decision,word", [("award", "awarded"), ("reject", "not awarded")])
def test_the_decision_mails_the_applicant(submitted, mailhost, decision, word):
    decide_label(submitted, VALIDATOR_ES, decision)
    sent = mails(mailhost)
    assert [mail["to"] for mail in sent] == [address(TEACHER)]
    assert word in sent[0]["subject"]
    assert "A well documented project." in sent[0]["body"]


def test_awarded_labels_of_a_teacher(portal, people):
    first = project(portal, id_="first")
    second = project(portal, id_="second")
    bring_label_to(make_label(first, TEACHER), "awarded", VALIDATOR_ES)
    bring_label_to(make_label(second, TEACHER), "rejected", VALIDATOR_ES)
    bring_label_to(make_label(second, FOUNDER), "awarded", VALIDATOR_ES)
    with api.env.adopt_user(username="observer-pia"):  # anyone may see awarded labels
        labels = awarded_labels_of(TEACHER)
    assert len(labels) == 1
    (label,) = labels
    assert label["project_title"] == first.Title()
    assert label["project_url"] == first.absolute_url()
    assert label["project_uid"] == first.UID()
    assert (label["level"], label["country"], label["school_year"]) == ("national", "ES", "2026-2027")
    assert label["awarded"][:4].isdigit() and "T" in label["awarded"]
    assert [item["project_uid"] for item in awarded_labels_of(FOUNDER)] == [second.UID()]
    assert awarded_labels_of("nobody-at-all") == []


def test_a_partner_from_a_third_country_is_decided_by_its_own_service(space, mailhost, state_of):
    """The project is ES/IT; a Portuguese teacher of it applies: validators-PT decide."""
    from collective.twinning.membership.roster import Roster
    from tests.helpers import create_teacher
    from tests.helpers import create_validator

    create_teacher("teacher-joao", "PT")
    create_validator("validator-pt", "PT")
    with as_system():
        Roster(space).set("teacher-joao", "TwinSpaceTeacher")
    label = submit_label(make_label(space, "teacher-joao"))
    assert label.applicant_country == "PT"
    assert recipients(mailhost) == {address("validator-pt")}
    with api.env.adopt_user(username="validator-pt"):
        assert api.user.has_permission("View", obj=label)
        assert api.user.has_permission("collective.twinning: Evaluate quality label", obj=label)
    with api.env.adopt_user(username=VALIDATOR_ES), pytest.raises(Forbidden):
        evaluate(label, VALIDATOR_ES, {"scores": GOOD_SCORES, "comment": "x", "decision": "award"})
    decide_label(label, "validator-pt", "award")
    assert state_of(label) == "awarded"


def test_another_applicant_brings_their_country(space):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    label = make_label(space, TEACHER)
    label.applicant = PARTNER
    notify(ObjectModifiedEvent(label))
    assert label.applicant_country == "IT"
    with api.env.adopt_user(username=VALIDATOR_IT):
        submit_label(label)
        assert api.user.has_permission("collective.twinning: Evaluate quality label", obj=label)
