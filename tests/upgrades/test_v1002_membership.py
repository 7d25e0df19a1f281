"""Upgrade to 1002: rosters reach users through the PAS plugin's groups; old validator groups keep working."""

from collective.twinning.membership import index
from collective.twinning.membership.roster import GroupRoster
from collective.twinning.membership.roster import Roster
from collective.twinning.pas.plugin import PLUGIN_ID
from collective.twinning.upgrades.v1002_membership import upgrade
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_group
from tests.helpers import make_space

import pytest


PROFILE = "collective.twinning:default"


@pytest.fixture
def old_site(portal, setup_tool):
    """A 1001 site: rosters without the index, member indexes, a validators-ES group."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    create_teacher("teacher-cleo", "FR")
    create_account("old-validator", None)
    create_account("moved-validator", "PT")
    space = make_space(portal["projects"], "teacher-ana", "teacher-luca", "running")
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=space, type="Page", id="notes", title="Notes")
    group = make_group(portal["groups"], "teacher-ana", "invitation", "active")
    Roster(space).set("teacher-cleo", "TwinSpaceTeacher")
    GroupRoster(group).invite("teacher-cleo", "teacher-ana")
    # what 1001 had: no plugin, member indexes, a real validators group with the role
    api.portal.get_tool("acl_users")._delObject(PLUGIN_ID)
    catalog = api.portal.get_tool("portal_catalog")
    for name in ("twinspace_members", "group_members", "group_invited"):
        catalog.addIndex(name, "KeywordIndex")
    with api.env.adopt_roles(["Manager"]):
        api.group.create(groupname="validators-ES", roles=["NationalValidator"])
    api.group.add_user(groupname="validators-ES", username="old-validator")
    api.group.add_user(groupname="validators-ES", username="moved-validator")
    setup_tool.setLastVersionForProfile(PROFILE, "1001")
    return {"space": space, "group": group}


def test_upgrade_is_listed(old_site, setup_tool):
    assert ("1002",) in [step["dest"] for step in setup_tool.listUpgrades(PROFILE)]


def test_rosters_reach_their_members_after_the_upgrade(old_site):
    upgrade()
    space, group = old_site["space"], old_site["group"]
    assert index.members(space) == {
        "teacher-ana": "TwinSpaceAdmin",
        "teacher-luca": "TwinSpaceAdmin",
        "teacher-cleo": "TwinSpaceTeacher",
    }
    assert index.invited_uids("teacher-cleo") == [group.UID()]
    with api.env.adopt_user(username="teacher-cleo"):
        found = api.content.find(portal_type="Page", path="/".join(space.getPhysicalPath()))
        assert [b.getId for b in found] == ["notes"]
    catalog = api.portal.get_tool("portal_catalog")
    assert not {"twinspace_members", "group_members", "group_invited"} & set(catalog.indexes())


def test_old_validators_keep_validating_their_country(old_site):
    upgrade()
    assert api.user.get(userid="old-validator").getProperty("country") == "ES"
    assert "validators:ES" in api.user.get(userid="old-validator").getGroups()
    # one whose own country is another keeps it, and validates that country
    assert api.user.get(userid="moved-validator").getProperty("country") == "PT"
    assert "validators:PT" in api.user.get(userid="moved-validator").getGroups()


def test_the_upgrade_runs_twice_without_harm(old_site):
    upgrade()
    upgrade()
    assert index.members(old_site["space"])["teacher-cleo"] == "TwinSpaceTeacher"
