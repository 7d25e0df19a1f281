"""The validation checklist of a project, called directly (no HTTP)."""

from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.lifecycle.checklist import decide
from collective.twinning.lifecycle.checklist import slot_for
from itertools import permutations
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from zExceptions import BadRequest
from zExceptions import Forbidden

import pytest


@pytest.fixture
def people(portal):
    create_teacher("teacher-ana", "ES")  # creator of the projects
    create_teacher("teacher-pablo", "ES")  # national partner
    create_teacher("teacher-luca", "IT")  # European partner
    create_teacher("teacher-olaf", "ES")  # a teacher of neither project
    create_validator("validator-es", "ES")
    create_validator("validator-es-two", "ES")
    create_validator("validator-it", "IT")
    create_validator("validator-fr", "FR")
    create_account("central-eva", "BE", roles=["EuropeanValidator"])
    create_account("member-olga", "ES")
    create_account("admin-maria", "ES", roles=["Manager"])


@pytest.fixture
def european(portal, people):
    return make_space(portal["projects"], "teacher-ana", "teacher-luca", "pending", id_="european")


@pytest.fixture
def national(portal, people):
    return make_space(portal["projects"], "teacher-ana", "teacher-pablo", "pending", id_="national")


def decide_as(space, userid, decision, comment=None):
    with api.env.adopt_user(username=userid):
        return decide(space, userid, decision, comment)


def slots(result: dict) -> list[tuple]:
    return [(item["kind"], item.get("user") or item.get("country")) for item in result["required"]]


def decisions(space) -> list:
    return [item["decision"] for item in checklist(space)["required"]]


def last_history(space) -> dict:
    return space.workflow_history["twinspace_workflow"][-1]


# (case id, cofounder, kind, required slots)
SLOT_CASES = [
    ("national", "teacher-pablo", "national", [("partner", "teacher-pablo"), ("national", "ES")]),
    (
        "european",
        "teacher-luca",
        "european",
        [("partner", "teacher-luca"), ("national", "ES"), ("national", "IT")],
    ),
    ("no-partner", None, "national", [("national", "ES")]),
]


@pytest.mark.parametrize(
    "cofounder,kind,required", [c[1:] for c in SLOT_CASES], ids=[c[0] for c in SLOT_CASES]
)
def test_required_slots(portal, people, cofounder, kind, required):
    space = make_space(portal["projects"], "teacher-ana", cofounder, "pending")

    result = checklist(space)

    assert result["state"] == "pending"
    assert result["kind"] == kind
    assert slots(result) == required
    assert result["complete"] is False
    for item in result["required"]:
        assert (item["decision"], item["by"], item["date"], item["comment"]) == (None,) * 4


# (user, the slot they decide on the European project)
DECIDER_CASES = [
    ("teacher-luca", "partner:teacher-luca"),
    ("validator-es", "national:ES"),
    ("validator-es-two", "national:ES"),
    ("validator-it", "national:IT"),
]


@pytest.mark.parametrize("userid,slot", DECIDER_CASES)
def test_who_decides_which_slot(european, userid, slot):
    assert slot_for(european, userid) == slot


def test_italian_validator_has_no_slot_in_a_spanish_project(national):
    with pytest.raises(Forbidden):
        slot_for(national, "validator-it")


# (case id, user who may not decide on the European project)
OUTSIDERS = [
    ("creator-founder", "teacher-ana"),  # the partner accepts, not the creator
    ("other-teacher", "teacher-olaf"),
    ("other-country-validator", "validator-fr"),
    ("european-validator", "central-eva"),
    ("plain-member", "member-olga"),
    ("manager", "admin-maria"),
]


@pytest.mark.parametrize("decision", ["approve", "reject"])
@pytest.mark.parametrize("userid", [c[1] for c in OUTSIDERS], ids=[c[0] for c in OUTSIDERS])
def test_outsiders_are_forbidden(european, userid, decision):
    before = checklist(european)

    with pytest.raises(Forbidden):
        decide_as(european, userid, decision, "A reason to reject.")

    assert checklist(european) == before
    assert api.content.get_state(obj=european) == "pending"


@pytest.mark.parametrize(
    "order", list(permutations(["teacher-luca", "validator-es", "validator-it"])), ids="-then-".join
)
def test_approval_order_does_not_matter(european, order):
    *first, last = order
    for userid in first:
        result = decide_as(european, userid, "approve", "Fine.")
        assert result["state"] == "pending"
        assert result["complete"] is False

    result = decide_as(european, last, "approve")

    assert result["complete"] is True
    assert result["state"] == "validated"
    assert api.content.get_state(obj=european) == "validated"
    deciders = [item["by"] for item in result["required"]]
    assert deciders == ["teacher-luca", "validator-es", "validator-it"]
    history = last_history(european)
    assert history["action"] == "validate"
    assert history["actor"] == last


def test_national_project_needs_partner_and_one_validator(national):
    decide_as(national, "validator-es", "approve")
    assert api.content.get_state(obj=national) == "pending"

    result = decide_as(national, "teacher-pablo", "approve")

    assert result["complete"] is True
    assert api.content.get_state(obj=national) == "validated"
    assert last_history(national)["actor"] == "teacher-pablo"


def test_recorded_decision(european):
    result = decide_as(european, "validator-it", "approve", "  Looks good.  ")

    italy = result["required"][2]
    assert (italy["kind"], italy["country"]) == ("national", "IT")
    assert italy["decision"] == "approve"
    assert italy["by"] == "validator-it"
    assert italy["comment"] == "Looks good."
    assert italy["date"][:4].isdigit()
    assert decisions(european) == [None, None, "approve"]


@pytest.mark.parametrize("rejecter", ["teacher-luca", "validator-es", "validator-it"])
def test_reject_clears_and_sends_back_to_draft(european, rejecter):
    approvers = [u for u in ("teacher-luca", "validator-es", "validator-it") if u != rejecter][:1]
    for userid in approvers:
        decide_as(european, userid, "approve")

    result = decide_as(european, rejecter, "reject", "The aims are missing.")

    assert result["state"] == "draft"
    assert result["complete"] is False
    assert decisions(european) == [None, None, None]
    assert api.content.get_state(obj=european) == "draft"
    history = last_history(european)
    assert history["action"] == "reject"
    assert history["actor"] == rejecter
    assert "The aims are missing." in history["comments"]


def test_resubmitted_project_needs_every_approval_again(european):
    decide_as(european, "teacher-luca", "approve")
    decide_as(european, "validator-es", "reject", "Add the aims.")
    with api.env.adopt_user(username="teacher-ana"):
        api.content.transition(obj=european, transition="submit")

    decide_as(european, "validator-it", "approve")

    assert api.content.get_state(obj=european) == "pending"
    assert decisions(european) == [None, None, "approve"]


@pytest.mark.parametrize("comment", [None, "", "   "], ids=["none", "empty", "blank"])
def test_reject_without_comment_changes_nothing(european, comment):
    decide_as(european, "teacher-luca", "approve", "Yes.")
    before = checklist(european)

    with pytest.raises(BadRequest) as error:
        decide_as(european, "validator-es", "reject", comment)

    assert "comment" in str(error.value)
    assert checklist(european) == before
    assert api.content.get_state(obj=european) == "pending"


@pytest.mark.parametrize("state", ["draft", "validated", "running", "concluded", "labelled", "archived"])
@pytest.mark.parametrize("decision", ["approve", "reject"])
@pytest.mark.parametrize("userid", ["teacher-luca", "validator-es"])
def test_decisions_only_while_pending(portal, people, state, decision, userid):
    space = make_space(portal["projects"], "teacher-ana", "teacher-luca", state)

    with pytest.raises(BadRequest) as error:
        decide_as(space, userid, decision, "A reason.")

    assert str(error.value) == "state: Decisions are taken while the project is pending."
    assert api.content.get_state(obj=space) == state
    assert decisions(space) == [None, None, None]


@pytest.mark.parametrize(
    "decision",
    ["accept", "", None, "APPROVE", "approved", 1, ["approve"]],
    ids=["accept", "empty", "none", "upper-case", "approved", "number", "list"],
)
def test_unknown_decision(european, decision):
    with pytest.raises(BadRequest) as error:
        decide_as(european, "validator-es", decision, "A reason.")

    assert "decision" in str(error.value)
    assert decisions(european) == [None, None, None]
    assert api.content.get_state(obj=european) == "pending"


@pytest.mark.parametrize("comment", [42, ["fine"], {"text": "fine"}])
def test_comment_must_be_text(european, comment):
    with pytest.raises(BadRequest) as error:
        decide_as(european, "validator-es", "approve", comment)

    assert "comment" in str(error.value)
    assert decisions(european) == [None, None, None]


def test_deciding_twice_overwrites(european):
    decide_as(european, "teacher-luca", "approve", "First thoughts.")
    decide_as(european, "teacher-luca", "approve", "Second thoughts.")

    partner = checklist(european)["required"][0]
    assert partner["comment"] == "Second thoughts."
    assert decisions(european) == ["approve", None, None]


def test_another_validator_of_the_country_overwrites(european):
    decide_as(european, "validator-es", "approve", "Checked by the first.")
    decide_as(european, "validator-es-two", "approve", "Checked by the second.")

    spain = checklist(european)["required"][1]
    assert (spain["by"], spain["comment"]) == ("validator-es-two", "Checked by the second.")
    assert api.content.get_state(obj=european) == "pending"
