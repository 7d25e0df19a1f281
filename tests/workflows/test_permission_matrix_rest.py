"""The same permission tables through plone.restapi: 2xx where allowed, 401/403 where not."""

from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project
from tests.workflows.matrix import EXPECTED
from tests.workflows.matrix import ROLES
from tests.workflows.matrix import STATES
from tests.workflows.tables import rest_table

import pytest
import transaction


# action -> (method, path below the space, JSON body, status meaning "allowed")
REQUESTS = {
    "view_space": ("GET", "", None, {200}),
    "modify_space": ("PATCH", "", {"description": "Changed"}, {204}),
    "add_page": ("POST", "", {"@type": "Page", "title": "New page"}, {201}),
    "add_material": (
        "POST",
        "",
        {
            "@type": "Material",
            "title": "Clip",
            "embed_url": "https://vimeo.com/2",
            "copyright_confirmed": True,
        },
        {201},
    ),
    "view_private_page": ("GET", "/page", None, {200}),
    "view_members": ("GET", "/@members", None, {200}),
    "view_validation": ("GET", "/@validation", None, {200}),
    # Allowed callers get past the permission and fail on the (unknown) user: 400.
    "manage_members": ("POST", "/@members", {"user": "no-such-user", "role": "TwinSpaceObserver"}, {400}),
    "manage_pupils": ("POST", "/@pupils", {}, {400}),
}


@pytest.mark.parametrize("state", STATES)
def test_rest_permission_table(functional_portal, request_factory, state):
    build_project(functional_portal, state)
    transaction.commit()
    allowed, unexpected = rest_table(request_factory, ACCOUNTS, ROLES, "/projects/space", REQUESTS)
    assert unexpected == []
    assert allowed == {action: set(EXPECTED[action][state]) for action in REQUESTS}
