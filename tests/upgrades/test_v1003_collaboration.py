"""upgrades.v1003_collaboration: a 1002 site gets the collaboration types, their workflows, comments
for members only, the registry records of embeds and meetings, the mail preference and the control panel."""

from collective.twinning.upgrades.v1003_collaboration import upgrade
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import pytest


TYPES = ("Post", "Forum", "Thread", "Meeting", "Poll")
RECORDS = ("collective.twinning.embed_hosts", "collective.twinning.meeting_server")
CONFIGLET = "collective.twinning.collaboration"


def reply_roles(portal) -> set[str]:
    return {r["name"] for r in portal.rolesOfPermission("Reply to item") if r["selected"]}


@pytest.fixture
def old_site(portal):
    """What 1002 had: none of it, and plone.app.discussion's own rules if it was installed by hand."""
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_types").manage_delObjects(list(TYPES))
        workflow = api.portal.get_tool("portal_workflow")
        workflow.setChainForPortalTypes(["Discussion Item"], ["comment_one_state_workflow"])
        workflow.manage_delObjects(["twinning_post_workflow", "twinning_comment_workflow"])
        registry = getUtility(IRegistry)
        for name in RECORDS:
            del registry.records[name]
        api.portal.get_tool("portal_memberdata").manage_delProperties(["notification_mail"])
        api.portal.get_tool("portal_controlpanel").unregisterConfiglet(CONFIGLET)
        portal.manage_permission("Reply to item", ["Authenticated", "Manager"], acquire=True)
    return portal


def test_upgrade_installs_collaboration(old_site):
    assert reply_roles(old_site) == {"Authenticated", "Manager"}

    with api.env.adopt_roles(["Manager"]):
        upgrade()

    types = api.portal.get_tool("portal_types")
    assert all(name in types.objectIds() for name in TYPES)
    workflow = api.portal.get_tool("portal_workflow")
    assert workflow.getChainForPortalType("Post") == ("twinning_post_workflow",)
    assert workflow.getChainForPortalType("Discussion Item") == ("twinning_comment_workflow",)
    registry = getUtility(IRegistry)
    assert all(name in registry.records for name in RECORDS)
    assert api.portal.get_registry_record("collective.twinning.meeting_server") == "https://meet.jit.si"
    assert "youtube" in str(api.portal.get_registry_record("collective.twinning.embed_hosts")).lower()
    assert api.portal.get_tool("portal_memberdata").getProperty("notification_mail") == "daily"
    assert CONFIGLET in {
        action.getId() for action in api.portal.get_tool("portal_controlpanel").listActions()
    }
    # only the members of a place comment there: no "Reply to item" for every authenticated user
    assert reply_roles(old_site) == {"Manager", "Site Administrator"}
    assert api.portal.get_registry_record(
        "plone.app.discussion.interfaces.IDiscussionSettings.globally_enabled"
    )


def test_upgrade_twice_is_harmless(portal):
    with api.env.adopt_roles(["Manager"]):
        upgrade()
        upgrade()
    assert api.portal.get_tool("portal_workflow").getChainForPortalType("Thread") == (
        "twinspace_content_workflow",
    )
    assert reply_roles(portal) == {"Manager", "Site Administrator"}
