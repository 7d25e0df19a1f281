"""1000 → 1001 brings a site's postings, pupils and teachers along."""

from collective.twinning.membership.members import PUPIL_PROPERTY
from collective.twinning.upgrades.v1001 import upgrade
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher

import pytest


@pytest.fixture
def old_site(portal):
    """What a 1000 site held: postings under simple_publication_workflow with a
    free-text school, a pupil holding Member, a teacher without a profile."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.setChainForPortalTypes(["PartnerPosting"], ("simple_publication_workflow",))
    with api.env.adopt_roles(["Manager"]):
        postings = {}
        for posting_id, school, publish in [
            ("published-one", "IES Rosalía de Castro", True),
            ("same-school", "ies rosalía de castro ", False),
            ("no-school", "", True),
        ]:
            posting = api.content.create(
                container=portal["partner-finding"],
                type="PartnerPosting",
                id=posting_id,
                title=posting_id,
                partnership_type="etwinning_project",
                looking_for="partner_school",
                country="ES",
            )
            posting.organisation = school
            if publish:
                api.content.transition(obj=posting, transition="publish")
            postings[posting_id] = posting
    workflow_tool.setChainForPortalTypes(["PartnerPosting"], ("posting_workflow",))
    pupil = create_account("pupil-old-site", country=None)
    pupil.setMemberProperties({PUPIL_PROPERTY: "some-space-uid"})
    create_teacher("teacher-old-site", "PT")
    return postings


def run_upgrade():
    with api.env.adopt_roles(["Manager"]):
        upgrade(api.portal.get_tool("portal_setup"))


@pytest.mark.parametrize(
    "posting_id,state", [("published-one", "published"), ("same-school", "draft"), ("no-school", "published")]
)
def test_posting_states_move_to_posting_workflow(old_site, posting_id, state):
    run_upgrade()
    assert api.content.get_state(obj=old_site[posting_id]) == state


def test_published_posting_is_public_after_upgrade(old_site):
    run_upgrade()
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission("View", obj=old_site["published-one"])
        assert not api.user.has_permission("View", obj=old_site["same-school"])


def test_school_text_becomes_one_organisation(old_site):
    run_upgrade()
    first = old_site["published-one"].organisation.to_object
    second = old_site["same-school"].organisation.to_object
    assert first == second
    assert (first.name, first.country, first.organisation_type) == (
        "IES Rosalía de Castro",
        "ES",
        "other",
    )
    assert old_site["no-school"].organisation is None


def test_postings_found_by_the_new_indexes(old_site):
    run_upgrade()
    found = api.content.find(portal_type="PartnerPosting", country="ES", review_state="published")
    assert {brain.getId for brain in found} == {"published-one", "no-school"}


def test_pupils_hold_pupil_instead_of_member(old_site):
    run_upgrade()
    assert set(api.user.get_roles(username="pupil-old-site")) == {"Authenticated", "Pupil"}


def test_teachers_get_profiles(old_site, portal):
    run_upgrade()
    profile = portal["people"]["teacher-old-site"]
    assert (profile.fullname, profile.country) == ("Teacher Old Site", "PT")
    assert api.content.get_state(obj=profile) == "visible"


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("collective.twinning:default", show_old=True)
    titles = [s["title"] for s in steps if (s["ssource"], s["sdest"]) == ("1000", "1001")]
    assert titles == [
        "Directory and searches",
        "Groups: group_workflow, group rosters and their indexes",
        "Erasmus+ workflows, label and statistics indexes",
        "Audit log",
    ]


def test_projects_get_their_search_summary(old_site, portal):
    from tests.helpers import make_space

    space = make_space(portal["projects"], "teacher-old-site", None, "draft", id_="old-project")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.delColumn("twinning_summary")  # a 1000 catalog had no such column
    run_upgrade()
    brain = catalog.unrestrictedSearchResults(UID=space.UID())[0]
    assert brain.twinning_summary["title"] == "Project old-project"
