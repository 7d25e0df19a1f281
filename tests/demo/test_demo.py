"""The demo profile creates the demo accounts and content, once."""

from collective.twinning.demo.users import DEMO_ACCOUNTS
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roster import GroupRoster
from collective.twinning.membership.roster import Roster
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
        ("lucia", None, "Pupil"),
    ],
)
def test_demo_accounts(demo_portal, userid, country, role):
    user = api.user.get(userid=userid)
    assert user is not None
    assert (user.getProperty("country") or None) == country
    assert role in api.user.get_roles(user=user)


@pytest.mark.parametrize("userid,countries", [("val-es", {"ES"}), ("val-it", {"IT"}), ("ana", set())])
def test_demo_validators_by_group(demo_portal, userid, countries):
    assert validator_countries(userid) == countries


def test_pupil_has_no_email_and_only_the_pupil_role(demo_portal):
    pupil = api.user.get(userid="lucia")
    assert not pupil.getProperty("email")
    assert set(api.user.get_roles(user=pupil)) == {"Pupil", "Authenticated"}
    heritage = demo_portal["projects"]["nuestro-patrimonio-our-heritage"]
    assert pupil.getProperty("pupil_of") == heritage.UID()
    assert Roster(heritage).role_of("lucia") == "TwinSpacePupil"


@pytest.mark.parametrize(
    "project_id,state",
    [
        ("nuestro-patrimonio-our-heritage", "running"),
        ("il-mare-che-ci-unisce", "pending"),
        ("matematicas-en-la-cocina", "draft"),
    ],
)
def test_demo_projects_in_several_states(demo_portal, project_id, state):
    project = demo_portal["projects"][project_id]
    assert api.content.get_state(obj=project) == state
    assert project.countries == ("ES", "IT")


def test_demo_content(demo_portal):
    heritage = demo_portal["projects"]["nuestro-patrimonio-our-heritage"]
    assert heritage.cofounder == "luca"
    assert heritage.Creator() == "ana"
    assert [o.portal_type for o in heritage.objectValues()][:2] == ["Page", "Mobility"]
    welcome = heritage["bienvenidos-welcome"]
    assert api.content.get_state(obj=welcome) == "public"
    assert welcome["our-schools"].portal_type == "Page"
    group = demo_portal["groups"]["stem-teachers-europe"]
    assert group.access == "open"
    assert api.content.get_state(obj=group) == "active"
    assert GroupRoster(group).items() == [("ana", "GroupAdmin"), ("luca", "GroupMember")]
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


def test_demo_mobility_keeps_the_erasmus_rules(demo_portal):
    """The job shadowing is valid under the mobility rules, planned, prepared on a page."""
    from collective.twinning.content.mobility import RULE_FIELDS
    from collective.twinning.mobilities.rules import mobility_problems

    heritage = demo_portal["projects"]["nuestro-patrimonio-our-heritage"]
    mobility = heritage["job-shadowing-genova"]
    values = {name: getattr(mobility, name) for name in RULE_FIELDS}
    assert mobility_problems(values, heritage) == []
    assert mobility.sending_country == "ES"
    assert api.content.get_state(obj=mobility) == "planned"
    assert [r.to_object for r in mobility.preparation_pages] == [heritage["bienvenidos-welcome"]]


def test_demo_collaboration(demo_portal):
    """A pinned bulletin post, the wall with comments, a forum thread with replies, a poll, a meeting."""
    from plone.app.discussion.interfaces import IConversation

    heritage = demo_portal["projects"]["nuestro-patrimonio-our-heritage"]
    assert api.content.get_state(obj=heritage["welcome-teachers"]) == "bulletin"
    assert heritage["welcome-teachers"].pinned is True
    assert api.content.get_state(obj=heritage["hello-wall"]) == "wall"
    assert len(IConversation(heritage["hello-wall"])) == 2
    thread = heritage["forum"]["which-monuments"]
    assert [c.author_username for c in IConversation(thread).values()] == ["luca", "lucia"]
    assert heritage["planning-call"].room.startswith("twinning-")
    assert heritage["presentation-day"].options == ["Monday", "Wednesday", "Friday"]
