"""@search and folder listings, run as each role, only return what the role may view."""

from tests.helpers import PASSWORD
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project
from tests.workflows.matrix import EXPECTED
from tests.workflows.matrix import ROLES

import pytest
import transaction


def _session(request_factory, role):
    if role == "anonymous":
        return request_factory()
    return request_factory(basic_auth=(ACCOUNTS[role], PASSWORD))


@pytest.mark.parametrize("state", ["draft", "pending", "running", "archived"])
def test_search_never_returns_what_the_role_cannot_view(functional_portal, request_factory, state):
    build_project(functional_portal, state)
    transaction.commit()
    for role in ROLES:
        session = _session(request_factory, role)
        found = session.get("/@search", params={"path.query": "/plone/projects", "b_size": 100})
        assert found.status_code == 200
        ids = {item["@id"].rsplit("/plone/", 1)[1] for item in found.json()["items"]}
        # Each result can be opened by the role ...
        for item in found.json()["items"]:
            assert session.get(item["@id"]).status_code == 200, (role, item["@id"])
        # ... and the space and its private page are listed exactly when the table says so.
        assert ("projects/space" in ids) is (role in EXPECTED["view_space"][state]), role
        assert ("projects/space/page" in ids) is (role in EXPECTED["view_private_page"][state]), role


@pytest.mark.parametrize("state", ["draft", "running"])
def test_folder_listing_filters_projects(functional_portal, request_factory, state):
    build_project(functional_portal, state)
    transaction.commit()
    for role in ROLES:
        listing = _session(request_factory, role).get("/projects")
        assert listing.status_code == 200
        ids = [item["@id"].rsplit("/", 1)[1] for item in listing.json()["items"]]
        assert ("space" in ids) is (role in EXPECTED["view_space"][state]), role


def test_pupils_not_listed_outside_the_space(functional_portal, request_factory):
    """A pupil shows in its space's @members, not in @users or @search for outsiders."""
    build_project(functional_portal, "running")
    transaction.commit()
    member = _session(request_factory, "member")
    assert member.get("/@users").status_code in (401, 403)
    assert member.get("/projects/space/@members").status_code in (401, 403)
    found = member.get("/@search", params={"SearchableText": "Elena"}).json()
    assert found["items_total"] == 0
    inside = _session(request_factory, "teacher").get("/projects/space/@members").json()
    assert ACCOUNTS["pupil"] in [item["id"] for item in inside["items"]]
