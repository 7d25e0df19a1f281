"""Shared pieces of the permission table tests (TwinSpace and Group)."""

from plone import api
from tests.helpers import PASSWORD


DENIED = {401, 403, 404}


def can(permission, obj) -> bool:
    return bool(api.user.has_permission(permission, obj=obj))


def transitions_for(obj) -> set[str]:
    workflow = api.portal.get_tool("portal_workflow")
    return {t["id"] for t in workflow.getTransitionsFor(obj)}


def rest_table(request_factory, accounts: dict, roles, base: str, requests: dict):
    """Make every request as every role; (roles allowed per action, unexpected answers).

    ``requests``: action -> (method, path below ``base``, JSON body, statuses meaning allowed);
    any other status must be a denial (401, 403, 404).
    """
    allowed = {action: set() for action in requests}
    unexpected = []
    for role in roles:
        if role == "anonymous":
            session = request_factory()
        else:
            session = request_factory(basic_auth=(accounts[role], PASSWORD))
        for action, (method, path, body, ok) in requests.items():
            response = session.request(method, f"{base}{path}", json=body)
            if response.status_code in ok:
                allowed[action].add(role)
            elif response.status_code not in DENIED:
                unexpected.append((role, action, response.status_code, response.text[:200]))
    return allowed, unexpected
