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
    assert GroupRoster(group).items() == [
        ("ana", "GroupAdmin"),
        ("luca", "GroupMember"),
        ("pablo", "GroupMember"),
        ("rosa", "GroupMember"),
    ]
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
    assert len(demo_portal["projects"].objectIds()) == 4
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


def test_demo_school_label_call(demo_portal):
    """An open call for Spain; Ana's school is eligible and her application is submitted."""
    from collective.twinning.recognition.school_label import eligibility

    call = demo_portal["recognition"]["school-label-es"]
    assert (api.content.get_state(obj=call), call.country) == ("open", "ES")
    application = call["ies-miguel-de-cervantes"]
    assert api.content.get_state(obj=application) == "submitted"
    assert application.applicant == "ana"
    school = demo_portal["organisations"]["ies-miguel-de-cervantes"]
    assert application.organisation.to_object == school
    assert eligibility(school, call)["eligible"]


def test_demo_prize_round_won_by_a_labelled_project(demo_portal):
    from collective.twinning.labels.awarded import awarded_levels
    from collective.twinning.recognition.prizes import prizes_of

    heritage = demo_portal["projects"]["la-ciudad-de-los-ninos"]
    assert awarded_levels(heritage) == ["national", "european"]
    assert api.content.get_state(obj=heritage) == "labelled"
    prize_round = demo_portal["recognition"]["european-prizes"]
    assert api.content.get_state(obj=prize_round) == "announced"
    entry = prize_round["entry-la-ciudad-de-los-ninos"]
    assert entry.winner is True
    assert prizes_of(heritage) == [
        {"round": prize_round.UID(), "school_year": "2025-2026", "category": "age_12_15"}
    ]
    catalog = api.portal.get_tool("portal_catalog")
    assert [b.getId for b in catalog(portal_type="TwinSpace", prize="age_12_15")] == [heritage.getId()]


def test_demo_learning_event_with_a_certificate(demo_portal):
    from collective.twinning.learning.attendance import certificate_code
    from collective.twinning.learning.certificates import verify

    event = demo_portal["learning"]["project-based-learning"]
    assert api.content.get_state(obj=event) == "published"
    code = certificate_code(event, "ana")
    assert code and verify(code)["valid"] is True


def test_demo_recognition_is_idempotent(demo_portal, setup_tool):
    with api.env.adopt_roles(["Manager"]):
        setup_tool.runAllImportStepsFromProfile("profile-collective.twinning:demo")
    assert sorted(demo_portal["recognition"].objectIds()) == ["european-prizes", "school-label-es"]
    assert len(demo_portal["recognition"]["european-prizes"].objectIds()) == 1
    assert list(demo_portal["learning"].objectIds()) == ["project-based-learning"]
