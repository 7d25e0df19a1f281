"""Upgrade to 1001 (groups step): existing groups move to group_workflow and get rosters and countries."""

from collective.twinning.membership.roster import GroupRoster
from collective.twinning.upgrades.v1001_groups import upgrade
from plone import api
from tests.helpers import create_teacher

import pytest


PROFILE = "collective.twinning:default"


@pytest.fixture
def old_site(portal, setup_tool):
    """Groups made under simple_publication_workflow, as on a 1000 site."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "FR")
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow_tool.setChainForPortalTypes(["Group"], ["simple_publication_workflow"])
    groups = {}
    for group_id, state in [("published-group", "published"), ("private-group", "private")]:
        with api.env.adopt_user(username="teacher-ana"):
            group = api.content.create(
                container=portal["groups"], type="Group", id=group_id, title=group_id, access="open"
            )
        group.countries = ()  # no such field before 1001
        with api.env.adopt_roles(["Manager"]):
            if state == "published":
                api.content.transition(obj=group, transition="publish")
            api.content.create(container=group, type="Page", id="page", title="Old page")
        groups[state] = group
    setup_tool.setLastVersionForProfile(PROFILE, "1000")
    return groups


def test_upgrade_is_listed(old_site, setup_tool):
    destinations = [step["dest"] for step in setup_tool.listUpgrades(PROFILE)]
    assert ("1001",) in destinations


def test_upgrade_moves_groups(old_site):
    with api.env.adopt_roles(["Manager"]):
        upgrade(None)
    workflow_tool = api.portal.get_tool("portal_workflow")
    assert workflow_tool.getChainForPortalType("Group") == ("group_workflow",)
    assert api.content.get_state(obj=old_site["published"]) == "active"
    assert api.content.get_state(obj=old_site["private"]) == "pending"
    assert old_site["published"].countries == ("ES",)
    assert [GroupRoster(g).role_of("teacher-ana") for g in old_site.values()] == ["GroupAdmin"] * 2


def test_members_see_old_private_pages_after_the_upgrade(old_site):
    with api.env.adopt_roles(["Manager"]):
        upgrade(None)
    group = old_site["published"]
    GroupRoster(group).set("teacher-ben", "GroupMember")
    with api.env.adopt_user(username="teacher-ben"):
        assert api.user.has_permission("View", obj=group["page"])
    with api.env.adopt_user(username="teacher-ana"):
        assert api.user.has_permission("collective.twinning: Join groups", obj=group)
