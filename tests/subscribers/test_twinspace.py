"""A TwinSpace keeps its countries up to date and resists deletion once submitted."""

from collective.twinning.audit import entries
from collective.twinning.content.founders import cofounder_of_record
from collective.twinning.content.founders import RECORD
from collective.twinning.content.validation import NotATeacher
from collective.twinning.errors import FieldError
from collective.twinning.membership.roster import Roster
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD
from zope.lifecycleevent import modified

import pytest
import transaction


@pytest.mark.parametrize(
    "owner_country,cofounder_country,countries",
    [("ES", "IT", ("ES", "IT")), ("ES", "ES", ("ES",)), ("IT", None, ("IT",))],
)
def test_countries_are_the_founders(portal, owner_country, cofounder_country, countries):
    create_teacher("teacher-owner", owner_country)
    cofounder = None
    if cofounder_country:
        cofounder = "teacher-partner"
        create_teacher(cofounder, cofounder_country)
    space = make_space(portal["projects"], "teacher-owner", cofounder)
    assert space.countries == countries


def test_new_cofounder_changes_countries_and_who_validates(portal):
    create_teacher("teacher-owner", "ES")
    create_teacher("teacher-it", "IT")
    create_teacher("teacher-pt", "PT")
    create_validator("validator-it", "IT")
    create_validator("validator-pt", "PT")
    space = make_space(portal["projects"], "teacher-owner", "teacher-it")
    with api.env.adopt_user(username="teacher-owner"):  # the creator names the partner
        space.cofounder = "teacher-pt"
        modified(space)
    assert space.countries == ("ES", "PT")
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username="validator-pt"):
        assert [b.getId for b in catalog(portal_type="TwinSpace")] == ["space"]
    with api.env.adopt_user(username="validator-it"):
        assert [b.getId for b in catalog(portal_type="TwinSpace")] == []


def test_cofounder_must_be_a_teacher(portal):
    create_teacher("teacher-owner", "ES")
    create_account("member-plain", "IT")
    from collective.twinning.content.validation import is_teacher

    assert is_teacher("teacher-owner")
    for userid in ("member-plain", "no-such-user"):
        with pytest.raises(NotATeacher):
            is_teacher(userid)


@pytest.mark.parametrize(
    "state,who,deleted",
    [
        ("draft", "teacher-owner", True),
        ("pending", "teacher-owner", False),
        ("running", "teacher-owner", False),
        ("running", "site-manager", True),
        ("archived", "site-manager", True),
    ],
)
def test_who_deletes_a_project(functional_portal, request_factory, state, who, deleted):
    create_teacher("teacher-owner", "ES")
    create_account("site-manager", "ES", roles=["Manager"])
    make_space(functional_portal["projects"], "teacher-owner", None, state)
    transaction.commit()
    session = request_factory(basic_auth=(who, PASSWORD))
    response = session.delete("/projects/space")
    if deleted:
        assert response.status_code == 204, response.text
    else:
        assert response.status_code in (401, 403), response.text
    transaction.begin()
    assert ("space" in functional_portal["projects"]) is not deleted


def test_retract_voids_the_approvals(portal):
    from collective.twinning.lifecycle.checklist import checklist
    from collective.twinning.lifecycle.checklist import decide

    create_teacher("teacher-owner", "ES")
    create_teacher("teacher-it", "IT")
    space = make_space(portal["projects"], "teacher-owner", "teacher-it", "pending")
    with api.env.adopt_user(username="teacher-it"):
        decide(space, "teacher-it", "approve", "")
    assert checklist(space)["required"][0]["decision"] == "approve"
    with api.env.adopt_user(username="teacher-owner"):
        api.content.transition(obj=space, transition="retract")
        api.content.transition(obj=space, transition="submit")
    assert all(item["decision"] is None for item in checklist(space)["required"])


def test_system_transitions_name_who_caused_them(portal):
    create_teacher("teacher-owner", "ES")
    space = make_space(portal["projects"], "teacher-owner", None, "running")
    actors = [entry["actor"] for entry in space.workflow_history["twinspace_workflow"]]
    assert None not in actors


def test_no_submit_without_a_country(portal):
    """Without a country no national service could validate it: it stays a draft."""
    create_account("teacher-nowhere", None, roles=["Teacher"])
    space = make_space(portal["projects"], "teacher-nowhere", None)
    assert space.countries == ()
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="teacher-nowhere"):
        assert "submit" not in {t["id"] for t in workflow.getTransitionsFor(space)}


# Founders are frozen from pending on (content.founders): any writer that announces its
# change (here a script) is held to the rule, against the partner founder of record.


@pytest.fixture
def founders_cast(portal):
    create_teacher("teacher-owner", "ES")
    create_teacher("teacher-it", "IT")
    create_teacher("teacher-pt", "PT")
    create_teacher("teacher-jon", "ES")
    create_account("site-admin", "ES", roles=["Site Administrator"])
    return portal


@pytest.mark.parametrize(
    "state,who,allowed",
    [
        ("draft", "teacher-owner", True),
        ("draft", "teacher-it", False),  # the partner founder
        ("draft", "teacher-jon", False),  # a promoted admin
        ("pending", "teacher-owner", False),
        ("running", "teacher-owner", False),
        ("running", "teacher-jon", False),
        ("running", "site-admin", True),
        ("archived", "site-admin", True),
    ],
)
def test_a_script_changing_the_partner_founder(founders_cast, state, who, allowed):
    space = make_space(founders_cast["projects"], "teacher-owner", "teacher-it", state)
    Roster(space).set("teacher-jon", "TwinSpaceAdmin")
    with api.env.adopt_user(username=who):
        space.cofounder = "teacher-pt"
        if allowed:
            modified(space)
        else:
            with pytest.raises(FieldError) as error:  # the request's transaction aborts
                modified(space)
            assert error.value.field == "cofounder"
    if allowed:
        assert cofounder_of_record(space) == "teacher-pt"
        assert [e["previous_cofounder"] for e in entries(space) if e["what"] == "cofounder_changed"] == [
            "teacher-it"
        ]
    else:
        assert cofounder_of_record(space) == "teacher-it"
        assert space.countries == ("ES", "IT")


def test_other_modifications_leave_the_partner_founder_alone(founders_cast):
    space = make_space(founders_cast["projects"], "teacher-owner", "teacher-it", "running")
    with api.env.adopt_user(username="teacher-jon"):
        space.title = "Renamed"
        modified(space)
    assert [e for e in entries(space) if e["what"] == "cofounder_changed"] == []


def test_spaces_without_a_record_get_one(founders_cast):
    from collective.twinning.upgrades.v1002_founders import upgrade

    space = make_space(founders_cast["projects"], "teacher-owner", "teacher-it", "running")
    delattr(space, RECORD)  # as made before the record existed
    space.cofounder = "teacher-pt"  # the stored value is what the upgrade records

    assert upgrade() == 1
    assert cofounder_of_record(space) == "teacher-pt"
    assert upgrade() == 0


@pytest.mark.parametrize("who,countries", [("teacher-owner", ("ES", "IT")), ("site-admin", ("IT", "PT"))])
def test_past_draft_only_an_administrator_edit_moves_the_countries(founders_cast, who, countries):
    space = make_space(founders_cast["projects"], "teacher-owner", "teacher-it", "running")
    api.user.get(userid="teacher-owner").setMemberProperties({"country": "PT"})
    with api.env.adopt_user(username=who):
        modified(space)
    assert space.countries == countries


def test_a_submission_takes_the_founders_countries_of_now(founders_cast):
    space = make_space(founders_cast["projects"], "teacher-owner", "teacher-it")
    api.user.get(userid="teacher-owner").setMemberProperties({"country": "PT"})
    with api.env.adopt_user(username="teacher-owner"):
        api.content.transition(obj=space, transition="submit")
    assert space.countries == ("IT", "PT")
