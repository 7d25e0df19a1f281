"""The mobility and Quality Label tables through plone.restapi: GET (view) and PATCH
(modify) for every state and role, 2xx where allowed, 401/403/404 where not."""

from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import make_label
from tests.helpers import make_mobility
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project
from tests.workflows.erasmus_matrix import LABEL
from tests.workflows.erasmus_matrix import LABEL_STATES
from tests.workflows.erasmus_matrix import MOBILITY
from tests.workflows.erasmus_matrix import MOBILITY_STATES
from tests.workflows.erasmus_matrix import ROLES

import transaction


DENIED = {401, 403, 404}
EUROPEAN = "validator-eu-central"


def _session(request_factory, role):
    if role == "anonymous":
        return request_factory()
    userid = EUROPEAN if role == "european" else ACCOUNTS[role]
    return request_factory(basic_auth=(userid, PASSWORD))


def _table(request_factory, paths: dict[str, str], actions: dict):
    """{action: {state: roles whose request succeeded}} and the unexpected answers."""
    allowed = {action: {state: set() for state in paths} for action in actions}
    unexpected = []
    for role in ROLES:
        session = _session(request_factory, role)
        for state, path in paths.items():
            for action, (method, suffix, body, ok) in actions.items():
                response = session.request(method, path + suffix, json=body)
                if response.status_code in ok:
                    allowed[action][state].add(role)
                elif response.status_code not in DENIED:
                    unexpected.append((role, state, action, response.status_code, response.text[:200]))
    return allowed, unexpected


def test_rest_tables(functional_portal, request_factory):
    space, _page, _materials = build_project(functional_portal, "running")
    create_account(EUROPEAN, "BE", roles=["EuropeanValidator"])
    for state in MOBILITY_STATES:
        make_mobility(space, ACCOUNTS["teacher"], id_=f"mobility-{state}", state=state)
    # One application per project and level: one project per application, same people.
    for state in LABEL_STATES:
        project = make_space(
            functional_portal["projects"],
            ACCOUNTS["founder"],
            "cofounder-ivo",
            "running",
            id_=f"space-{state}",
        )
        with as_system():
            for userid, role in Roster(space).items():
                Roster(project).set(userid, role)
        bring_label_to(make_label(project, ACCOUNTS["teacher"], id_="label"), state, ACCOUNTS["validator"])
    transaction.commit()

    mobilities, unexpected = _table(
        request_factory,
        {state: f"/projects/space/mobility-{state}" for state in MOBILITY_STATES},
        {"view": ("GET", "", None, {200}), "modify": ("PATCH", "", {"description": "Changed"}, {204})},
    )
    assert unexpected == []
    assert mobilities == {
        action: {state: set(MOBILITY[action][state]) for state in MOBILITY_STATES}
        for action in ("view", "modify")
    }

    labels, unexpected = _table(
        request_factory,
        {state: f"/projects/space-{state}/label" for state in LABEL_STATES},
        {
            "view": ("GET", "", None, {200}),
            "modify": ("PATCH", "", {"description": "Changed"}, {204}),
            "view_evaluation": ("GET", "/@evaluation", None, {200}),
        },
    )
    assert unexpected == []
    expected = {
        action: {state: set(LABEL[action][state]) for state in LABEL_STATES}
        for action in ("view", "modify", "view_evaluation")
    }
    assert labels == expected
