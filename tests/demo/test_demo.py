"""The demo profile creates the demo accounts and content, once."""

from collective.twinning.demo.users import DEMO_ACCOUNTS
from plone import api

import pytest


@pytest.fixture
def demo_portal(portal, setup_tool):
    with api.env.adopt_roles(["Manager"]):
        setup_tool.runAllImportStepsFromProfile("profile-collective.twinning:demo")
    return portal


@pytest.mark.parametrize(
    "userid,country,role",
    [
        ("ana", "ES", "Teacher"),
        ("luca", "IT", "Teacher"),
        ("val-es", "ES", "NationalValidator"),
        ("val-it", "IT", "NationalValidator"),
        ("val-eu", "BE", "EuropeanValidator"),
        ("lucia", "ES", "Member"),
    ],
)
def test_demo_accounts(demo_portal, userid, country, role):
    user = api.user.get(userid=userid)
    assert user is not None
    assert user.getProperty("country") == country
    assert role in api.user.get_roles(user=user)


def test_pupil_has_no_email_and_no_global_role(demo_portal):
    pupil = api.user.get(userid="lucia")
    assert not pupil.getProperty("email")
    assert set(api.user.get_roles(user=pupil)) <= {"Member", "Authenticated"}


def test_demo_content(demo_portal):
    projects = demo_portal["projects"]
    assert len(projects.objectIds()) == 3
    heritage = projects["nuestro-patrimonio-our-heritage"]
    assert heritage.cofounder == "luca"
    assert heritage.Creator() == "ana"
    assert [o.portal_type for o in heritage.objectValues()] == ["Page", "Mobility"]
    assert heritage["bienvenidos-welcome"]["our-schools"].portal_type == "Page"
    assert demo_portal["groups"]["stem-teachers-europe"].access == "open"
    assert len(demo_portal["partner-finding"].objectIds()) == 2


def test_demo_content_is_catalogued(demo_portal):
    """Indexing runs (dates of projects, mobilities and posting expiry included)."""
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        found = {b.portal_type for b in catalog.unrestrictedSearchResults(path="/plone")}
    assert {"TwinSpace", "Page", "Material", "Mobility", "Group", "PartnerPosting"} <= found


def test_demo_is_idempotent(demo_portal, setup_tool):
    with api.env.adopt_roles(["Manager"]):
        setup_tool.runAllImportStepsFromProfile("profile-collective.twinning:demo")
    assert len(demo_portal["projects"].objectIds()) == 3
    assert len(api.user.get_users()) >= len(DEMO_ACCOUNTS)
