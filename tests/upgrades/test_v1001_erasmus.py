"""Upgrade 1000 -> 1001 (Erasmus+ step): a site released at 1000 gets the Erasmus+ workflows and indexes."""

from collective.twinning import PACKAGE_NAME
from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_mobility
from tests.helpers import make_space


PROFILE = f"{PACKAGE_NAME}:default"
NEW_INDEXES = ("quality_labels", "label_applicant", "twinning_countries")


def downgrade_to_1000(portal):
    """What a 1000 site looks like: the old workflow for mobilities, no new indexes."""
    workflow = api.portal.get_tool("portal_workflow")
    workflow.setChainForPortalTypes(("Mobility", "QualityLabel"), ("twinspace_content_workflow",))
    for wf_id in ("mobility_workflow", "quality_label_workflow"):
        workflow.manage_delObjects([wf_id])
    catalog = api.portal.get_tool("portal_catalog")
    for index in NEW_INDEXES:
        catalog.delIndex(index)
    catalog.delColumn("twinning_summary")
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1000")


def test_upgrade_from_1000(portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    space = make_space(portal["projects"], "teacher-ana", "teacher-luca", "running")
    with api.env.adopt_roles(["Manager"]):
        downgrade_to_1000(portal)
        mobility = make_mobility(space, "teacher-ana", id_="old")
        del mobility.sending_country  # 1000 had no such field
        assert api.content.get_state(obj=mobility) == "private"

        setup = api.portal.get_tool("portal_setup")
        steps = setup.listUpgrades(PROFILE)
        assert [step["dest"] for step in steps] == [("1001",)] * 4 + [("1002",)] * 2 + [("1003",)] * 5 + [
            ("1004",)
        ] * 2 + [("1005",)]
        setup.upgradeProfile(PROFILE)

    assert setup.getLastVersionForProfile(PROFILE) == ("1005",)
    workflow = api.portal.get_tool("portal_workflow")
    assert workflow.getChainForPortalType("Mobility") == ("mobility_workflow",)
    assert workflow.getChainForPortalType("QualityLabel") == ("quality_label_workflow",)
    assert api.content.get_state(obj=mobility) == "planned"
    assert mobility.__dict__["sending_country"] == "ES"  # its creator's, stored
    # Its permissions are the new workflow's: a validator of the project's country reads it.
    readers = {role["name"] for role in mobility.rolesOfPermission("View") if role["selected"]}
    assert {"Reviewer", "TwinSpacePupil"} <= readers and "Anonymous" not in readers
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(portal_type="Mobility")
    assert brain.review_state == "planned"
    assert brain.twinning_summary["days"] == 5
    assert len(catalog.unrestrictedSearchResults(twinning_countries="IT", portal_type="TwinSpace")) == 1
    for index in NEW_INDEXES:
        assert index in catalog.indexes()
