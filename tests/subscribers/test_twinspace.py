"""A TwinSpace keeps its countries up to date and resists deletion once submitted."""

from collective.twinning.content.validation import NotATeacher
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
