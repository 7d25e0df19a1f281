"""A failure in the middle of a service leaves nothing half-written: each case makes
a function called after the service's first write raise, calls the service over
HTTP and checks that nothing it wrote is left (content, roster, checklist, accounts,
audit log, mails)."""

from collective.twinning import audit
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.lifecycle.checklist import decide
from collective.twinning.membership.roster import GroupRoster
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import GOOD_SCORES
from tests.helpers import make_group
from tests.helpers import make_label
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.helpers import submit_label
from zope.annotation.interfaces import IAnnotations

import pytest
import transaction


class Injected(RuntimeError):
    pass


def explode(*args, **kwargs):
    raise Injected("injected failure")


@pytest.fixture
def world(functional_portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    create_teacher("teacher-jon", "ES")
    create_validator("validator-es", "ES")
    create_validator("validator-it", "IT")
    projects = functional_portal["projects"]
    running = make_space(projects, "teacher-ana", "teacher-luca", "running", id_="running")
    pending = make_space(projects, "teacher-ana", "teacher-luca", "pending", id_="pending")
    with api.env.adopt_user(username="teacher-luca"):
        decide(pending, "teacher-luca", "approve", "")
    with api.env.adopt_user(username="validator-es"):
        decide(pending, "validator-es", "approve", "")
    submit_label(make_label(running, "teacher-ana", id_="label"))
    make_group(functional_portal["groups"], "teacher-ana", "open", "active")
    transaction.commit()
    return functional_portal


def state_of(portal) -> dict:
    """Everything the services below may write."""
    transaction.begin()
    running, pending = portal["projects"]["running"], portal["projects"]["pending"]
    label = running["label"]
    group = portal["groups"]["group"]
    catalog = api.portal.get_tool("portal_catalog")
    return {
        "running roster": sorted(Roster(running).items()),
        "group roster": sorted(GroupRoster(group).items()),
        "checklist": checklist(pending),
        "label": (
            api.content.get_state(obj=label),
            IAnnotations(label).get("collective.twinning.evaluation"),
        ),
        "accounts": sorted(u.getId() for u in api.user.get_users()),
        "audit": [len(audit.entries(place)) for place in (running, pending, group)],
        "mails": len(portal.MailHost.messages),
        "projects": sorted(portal["projects"].objectIds()),
        "catalog": len(catalog.unrestrictedSearchResults()),
        "jon's places": sorted(
            b.getId for b in catalog.unrestrictedSearchResults(twinspace_members="teacher-jon")
        ),
    }


CASES = {
    "members POST": (
        "collective.twinning.membership.members.send_mail",
        "teacher-ana",
        "POST",
        "/projects/running/@members",
        {"user": "teacher-jon", "role": "TwinSpaceTeacher"},
    ),
    "join": (
        "collective.twinning.membership.roster.GroupRoster.withdraw",
        "teacher-jon",
        "POST",
        "/groups/group/@join",
        None,
    ),
    "validation POST": (
        "collective.twinning.lifecycle.checklist._fire",
        "validator-it",
        "POST",
        "/projects/pending/@validation",
        {"decision": "approve"},
    ),
    "evaluation POST": (
        "collective.twinning.labels.evaluation.describe",
        "validator-es",
        "POST",
        "/projects/running/label/@evaluation",
        {"scores": GOOD_SCORES, "comment": "Good.", "decision": "award"},
    ),
    "pupils POST": (
        "collective.twinning.membership.pupils.forget_request",
        "teacher-ana",
        "POST",
        "/projects/running/@pupils",
        {"username": "pupil-nora", "fullname": "Nora P", "password": PASSWORD},
    ),
}


@pytest.mark.parametrize("target,userid,method,path,body", CASES.values(), ids=list(CASES))
def test_a_failure_mid_service_writes_nothing(
    world, session_for, monkeypatch, target, userid, method, path, body
):
    before = state_of(world)
    monkeypatch.setattr(target, explode)

    response = session_for(userid).request(method, path, json=body)

    assert response.status_code == 500, response.text
    assert state_of(world) == before
    monkeypatch.undo()  # the same call succeeds once the failure is gone
    assert session_for(userid).request(method, path, json=body).status_code in (200, 201)
    assert state_of(world) != before


def test_a_failure_mid_import_writes_nothing(world, session_for, monkeypatch):
    archive = session_for("teacher-ana").get("/projects/running/@export")
    assert archive.status_code == 200, archive.text
    transaction.begin()
    with as_system():
        api.content.delete(obj=world["projects"]["running"], check_linkintegrity=False)
    transaction.commit()
    before = state_of_without_running(world)
    # After every object, the pupils and the roster are made: restoring dates fails.
    monkeypatch.setattr("collective.twinning.exportimport.importer._restore_metadata", explode)

    response = session_for("manager").post(
        "/projects/@import",
        data=archive.content,
        headers={"Content-Type": "application/zip", "Accept": "application/json"},
    )

    assert response.status_code == 500, response.text
    assert state_of_without_running(world) == before


def state_of_without_running(portal) -> dict:
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return {
        "projects": sorted(portal["projects"].objectIds()),
        "catalog": len(catalog.unrestrictedSearchResults()),
        "accounts": sorted(u.getId() for u in api.user.get_users()),
        "mails": len(portal.MailHost.messages),
    }
