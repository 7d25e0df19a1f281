"""Validators deciding on one project at the same moment."""

from collective.twinning.lifecycle.checklist import decide
from concurrent.futures import ThreadPoolExecutor
from plone import api
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from ZODB.POSException import ConflictError

import pytest
import threading
import transaction


@pytest.fixture
def pending(functional_portal):
    """A pending European project (ES + IT) its partner founder accepted."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    for userid, country in (("validator-es", "ES"), ("validator-es-two", "ES"), ("validator-it", "IT")):
        create_validator(userid, country)
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", "pending")
    with api.env.adopt_user(username="teacher-luca"):
        decide(space, "teacher-luca", "approve", "")
    transaction.commit()
    return space


def validations(portal) -> list[dict]:
    transaction.begin()
    history = portal["projects"]["space"].workflow_history["twinspace_workflow"]
    return [entry for entry in history if entry["action"] == "validate"]


VALIDATED = "Project validated: Project space"


def test_three_validators_at_once_validate_once_and_mail_once(functional_portal, pending, server, mailer):
    responses = server.at_once(
        [
            (userid, "POST", "/projects/space/@validation", {"decision": "approve"})
            for userid in ("validator-es", "validator-es-two", "validator-it")
        ]
    )

    codes = sorted(r.status_code for r in responses)
    # The last decision validates; a decision arriving after it finds the project validated.
    assert set(codes) <= {200, 400} and codes.count(200) >= 2, [r.text for r in responses]
    assert [r.json()["state"] for r in responses if r.status_code == 200][-1:] != []
    assert len(validations(functional_portal)) == 1
    assert api.content.get_state(obj=functional_portal["projects"]["space"]) == "validated"
    for founder in ("teacher-ana", "teacher-luca"):
        assert mailer.subjects_to(f"{founder}@example.org") == [VALIDATED], mailer.sent


def interleave(own_connection, first: tuple[str, str], second: tuple[str, str]):
    """``second`` decides on the state ``first`` read, and commits after it."""
    decided, committed = threading.Event(), threading.Event()

    def one(userid, wait_for, then):
        def work(portal):
            return decide(portal["projects"]["space"], userid, "approve", "")

        def before_commit():
            then.set()
            if wait_for is not None:
                assert wait_for.wait(30)

        return own_connection(userid, work, before_commit)

    def first_run():
        try:
            assert decided.wait(30)  # both read the same state
            return one(first[0], None, threading.Event())
        finally:
            committed.set()

    def second_run():
        return one(second[0], committed, decided)

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.submit(first_run), pool.submit(second_run)
        return a.result(), b.exception()


def test_approvals_of_different_countries_taken_together_conflict(functional_portal, pending, own_connection):
    """ES and IT approve on the same snapshot: each sees the other's slot empty. Their
    writes would merge in the OOBTree and the project stay pending, complete; the
    second commit must conflict so that its retry validates."""
    first, error = interleave(own_connection, ("validator-es", "ES"), ("validator-it", "IT"))

    assert first["state"] == "pending"
    assert isinstance(error, ConflictError)
    # The publisher's retry: the same decision on the committed state validates.
    transaction.begin()
    retried = own_connection(
        "validator-it", lambda portal: decide(portal["projects"]["space"], "validator-it", "approve", "")
    )
    assert retried["state"] == "validated"
    assert len(validations(functional_portal)) == 1


def test_a_retried_validation_sends_no_mail(functional_portal, pending, own_connection, mailer):
    """IT approved; both ES validators complete the checklist at once: each validates
    and queues the mails, one commits, the other conflicts and its mails never leave."""
    own_connection(
        "validator-it", lambda portal: decide(portal["projects"]["space"], "validator-it", "approve", "")
    )
    assert mailer.sent == []

    first, error = interleave(own_connection, ("validator-es", "ES"), ("validator-es-two", "ES"))

    assert first["state"] == "validated"
    assert isinstance(error, ConflictError)
    assert len(validations(functional_portal)) == 1
    for founder in ("teacher-ana", "teacher-luca"):
        assert mailer.subjects_to(f"{founder}@example.org") == [VALIDATED], mailer.sent
