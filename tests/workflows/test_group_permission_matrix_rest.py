"""A subset of the group permission tables through plone.restapi: 2xx where allowed, 401/403 where not."""

from tests.helpers import PASSWORD
from tests.workflows.group_matrix import EXPECTED
from tests.workflows.group_matrix import ROLES
from tests.workflows.group_matrix import STATES
from tests.workflows.groups import build_group
from tests.workflows.groups import GROUP_ACCOUNTS
from tests.workflows.tables import DENIED
from tests.workflows.tables import rest_table

import pytest
import transaction


# action -> (method, path below the group, JSON body, status meaning "allowed")
REQUESTS = {
    "view_group": ("GET", "", None, {200}),
    "modify_group": ("PATCH", "", {"description": "Changed"}, {204}),
    "add_page": ("POST", "", {"@type": "Page", "title": "New page"}, {201}),
    "view_private_page": ("GET", "/page", None, {200}),
    "view_public_page": ("GET", "/public", None, {200}),
    "view_members": ("GET", "/@members", None, {200}),
    # Allowed callers get past the permission and fail on the (unknown) user: 400.
    "manage_members": ("POST", "/@members", {"user": "no-such-user", "role": "GroupMember"}, {400}),
}


@pytest.mark.parametrize("state", STATES)
def test_rest_group_permission_table(functional_portal, request_factory, state):
    build_group(functional_portal, state)
    transaction.commit()
    allowed, unexpected = rest_table(request_factory, GROUP_ACCOUNTS, ROLES, "/groups/group", REQUESTS)
    assert unexpected == []
    assert allowed == {action: set(EXPECTED[action][state]) for action in REQUESTS}


@pytest.mark.parametrize("state", STATES)
def test_rest_listing_hides_the_private_page(functional_portal, request_factory, state):
    """GET on the group lists its items as the caller may see them."""
    build_group(functional_portal, state)
    transaction.commit()
    for role, expected in [
        ("member", {"page", "public"}),
        ("teacher", {"public"}),
        ("anonymous", {"public"}),
    ]:
        if role == "anonymous":
            session = request_factory()
        else:
            session = request_factory(basic_auth=(GROUP_ACCOUNTS[role], PASSWORD))
        response = session.get("/groups/group")
        if role in EXPECTED["view_group"][state]:
            pages = {
                item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"] if item["@type"] == "Page"
            }
            assert pages == expected, role
        else:
            assert response.status_code in DENIED
