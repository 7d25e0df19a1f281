"""posting_workflow: the state × role × action table (view, edit, publish, close), and the
transitions really firing."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator

import pytest
import transaction


ACCOUNTS = {
    "owner": "teacher-ana-es",  # the posting's author, a Teacher
    "other_teacher": "teacher-luca-it",
    "anonymous": None,
    "member": "member-nora-pt",
    "validator": "validator-es",  # national validator of the posting's country
    "other_validator": "validator-fr",
    "european_validator": "validator-eu",
    "manager": "admin-olga",
}
ROLES = tuple(ACCOUNTS)
STATES = ("draft", "published", "closed")

# state -> action -> roles allowed
EXPECTED = {
    "draft": {
        "view": {"owner", "manager"},
        "edit": {"owner", "manager"},
        "publish": {"owner", "manager"},
        "close": set(),
    },
    "published": {
        "view": set(ROLES),
        "edit": {"owner", "manager"},
        "publish": set(),
        "close": {"owner", "validator", "european_validator", "manager"},
    },
    "closed": {
        # "seen by its author and the validators": NationalValidator is a global role, so
        # the validators of every country see closed postings (only those of its country close).
        "view": {"owner", "validator", "other_validator", "european_validator", "manager"},
        "edit": {"manager"},
        "publish": set(),
        "close": set(),
    },
}


@contextmanager
def acting_as(role: str):
    userid = ACCOUNTS[role]
    if userid is None:
        previous = getSecurityManager()
        newSecurityManager(None, nobody)
        try:
            yield
        finally:
            setSecurityManager(previous)
    else:
        with api.env.adopt_user(username=userid):
            yield


def build_posting(portal, state: str):
    create_teacher(ACCOUNTS["owner"], "ES")
    create_teacher(ACCOUNTS["other_teacher"], "IT")
    create_account(ACCOUNTS["member"], "PT")
    create_validator(ACCOUNTS["validator"], "ES")
    create_validator(ACCOUNTS["other_validator"], "FR")
    create_account(ACCOUNTS["european_validator"], "BE", roles=["EuropeanValidator"])
    create_account(ACCOUNTS["manager"], "ES", roles=["Manager"])
    with acting_as("owner"):
        posting = api.content.create(
            container=portal["partner-finding"],
            type="PartnerPosting",
            id="history-partner-wanted",
            title="History partner wanted",
            partnership_type="etwinning_project",
            looking_for="partner_school",
            country="ES",
        )
        for transition in {"draft": [], "published": ["publish"], "closed": ["publish", "close"]}[state]:
            api.content.transition(obj=posting, transition=transition)
    assert api.content.get_state(obj=posting) == state
    return posting


def transitions(obj) -> set[str]:
    workflow = api.portal.get_tool("portal_workflow")
    return {t["id"] for t in workflow.getTransitionsFor(obj)}


CHECKS = {
    "view": lambda obj: bool(api.user.has_permission("View", obj=obj)),
    "edit": lambda obj: bool(api.user.has_permission("Modify portal content", obj=obj)),
    "publish": lambda obj: "publish" in transitions(obj),
    "close": lambda obj: "close" in transitions(obj),
}


@pytest.mark.parametrize("state", STATES)
def test_permission_table(portal, state):
    posting = build_posting(portal, state)
    allowed = {action: set() for action in CHECKS}
    errors = []
    for role in ROLES:
        with acting_as(role):
            for action, check in CHECKS.items():
                try:
                    if check(posting):
                        allowed[action].add(role)
                except Exception as error:  # a guard must answer, not raise
                    errors.append((role, action, type(error).__name__))
    assert errors == []
    assert allowed == EXPECTED[state]


def test_the_author_publishes_and_a_validator_of_its_country_closes(portal):
    posting = build_posting(portal, "draft")
    with acting_as("owner"):
        api.content.transition(obj=posting, transition="publish")
    assert api.content.get_state(obj=posting) == "published"
    with acting_as("validator"):
        api.content.transition(obj=posting, transition="close")
    assert api.content.get_state(obj=posting) == "closed"
    history = posting.workflow_history["posting_workflow"]
    assert [(h["action"], h["actor"]) for h in history[1:]] == [
        ("publish", ACCOUNTS["owner"]),
        ("close", ACCOUNTS["validator"]),
    ]


def test_a_former_teacher_cannot_publish_their_draft(portal):
    posting = build_posting(portal, "draft")
    api.user.revoke_roles(username=ACCOUNTS["owner"], roles=["Teacher"])
    with acting_as("owner"):
        assert transitions(posting) == set()
        assert api.user.has_permission("Modify portal content", obj=posting)


def test_closed_postings_leave_the_public(portal):
    posting = build_posting(portal, "published")
    catalog = api.portal.get_tool("portal_catalog")
    with acting_as("anonymous"):
        assert [b.getId for b in catalog(portal_type="PartnerPosting")] == ["history-partner-wanted"]
    with acting_as("owner"):
        api.content.transition(obj=posting, transition="close")
    with acting_as("anonymous"):
        assert [b.getId for b in catalog(portal_type="PartnerPosting")] == []
    with acting_as("other_validator"):
        assert [b.getId for b in catalog(portal_type="PartnerPosting")] == ["history-partner-wanted"]


def test_workflow_over_rest_for_anonymous(functional_portal, session_for):
    """@workflow lists the transitions of a published posting: none for anonymous, and no error."""
    build_posting(functional_portal, "published")
    transaction.commit()
    response = session_for("anonymous").get("/partner-finding/history-partner-wanted/@workflow")
    assert response.status_code == 200, response.text
    assert response.json()["transitions"] == []
