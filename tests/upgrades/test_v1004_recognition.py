"""Upgrade 1003 -> 1004: a site made before recognition gets its types, workflows, roles, indexes
and containers, and self-set ambassador flags give way to the role."""

from collective.twinning import PACKAGE_NAME
from collective.twinning.directory.profiles import get_profile
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.upgrades.v1004_recognition import upgrade
from plone import api
from tests.helpers import create_teacher


PROFILE = f"{PACKAGE_NAME}:default"
TYPES = ("SchoolLabelCall", "SchoolLabelApplication", "PrizeRound", "PrizeEntry", "LearningEvent")
WORKFLOWS = (
    "school_label_call_workflow",
    "school_label_application_workflow",
    "prize_round_workflow",
    "learning_event_workflow",
)


def downgrade_to_1003(portal):
    """What a 1003 site looks like: none of the types, workflows, indexes, roles or containers."""
    api.portal.get_tool("portal_types").manage_delObjects(list(TYPES))
    workflow = api.portal.get_tool("portal_workflow")
    workflow.manage_delObjects([wf for wf in WORKFLOWS if wf in workflow.objectIds()])
    catalog = api.portal.get_tool("portal_catalog")
    for index in ("school_label", "prize"):
        catalog.delIndex(index)
    portal.manage_delObjects(["recognition", "learning"])
    portal._delRoles(["PrizeJury", "Ambassador"])
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1003")


def test_upgrade_from_1003(portal):
    create_teacher("teacher-ana", "ES")
    sync_profile("teacher-ana")
    with api.env.adopt_roles(["Manager"]):
        downgrade_to_1003(portal)
        get_profile("teacher-ana").ambassador = True  # an owner's claim, as 1003 allowed
        setup = api.portal.get_tool("portal_setup")
        assert [step["dest"] for step in setup.listUpgrades(PROFILE)] == [("1004",)] * 2 + [
            ("1005",)
        ]  # comment authors, recognition, application roles
        setup.upgradeProfile(PROFILE)

    assert setup.getLastVersionForProfile(PROFILE) == ("1005",)
    types = api.portal.get_tool("portal_types")
    workflow = api.portal.get_tool("portal_workflow")
    for portal_type in TYPES:
        assert portal_type in types.objectIds()
    assert workflow.getChainForPortalType("SchoolLabelApplication") == ("school_label_application_workflow",)
    assert workflow.getChainForPortalType("LearningEvent") == ("learning_event_workflow",)
    catalog = api.portal.get_tool("portal_catalog")
    assert {"school_label", "prize"} <= set(catalog.indexes())
    assert {"PrizeJury", "Ambassador"} <= set(portal.validRoles())
    assert portal["recognition"].portal_type == "Folder" and portal["learning"].portal_type == "Folder"
    # National validators may add calls and events there; European validators prize rounds too.
    for container, permission, role in (
        ("recognition", "collective.twinning: Add SchoolLabelCall", "NationalValidator"),
        ("recognition", "collective.twinning: Add PrizeRound", "EuropeanValidator"),
        ("learning", "collective.twinning: Add LearningEvent", "NationalValidator"),
    ):
        granted = {r["name"] for r in portal[container].rolesOfPermission(permission) if r["selected"]}
        assert role in granted, (container, permission)
    assert sorted(portal["recognition"].locally_allowed_types) == ["PrizeRound", "SchoolLabelCall"]
    assert get_profile("teacher-ana").ambassador is False  # the role is the one truth


def test_upgrade_twice_changes_nothing(portal):
    with api.env.adopt_roles(["Manager"]):
        upgrade()
        upgrade()
    assert sorted(portal["recognition"].objectIds()) == []
    assert "school_label" in api.portal.get_tool("portal_catalog").indexes()
