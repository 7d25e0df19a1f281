"""The uninstall profile removes the layer and the types, and empty containers."""

from collective.twinning import PACKAGE_NAME
from plone import api

import pytest


@pytest.fixture
def uninstall(installer):
    def run():
        with api.env.adopt_roles(["Manager"]):
            installer.uninstall_product(PACKAGE_NAME)

    return run


def test_product_uninstalled(portal, installer, uninstall):
    uninstall()
    assert installer.is_product_installed(PACKAGE_NAME) is False


def test_browserlayer_removed(portal, uninstall):
    from collective.twinning.interfaces import IBrowserLayer
    from plone.browserlayer import utils

    uninstall()
    assert IBrowserLayer not in utils.registered_layers()


@pytest.mark.parametrize(
    "portal_type",
    [
        "TwinSpace",
        "Group",
        "Page",
        "Material",
        "PartnerPosting",
        "Mobility",
        "QualityLabel",
        "TeacherProfile",
        "Organisation",
    ],
)
def test_types_removed(portal, uninstall, portal_type):
    uninstall()
    assert portal_type not in portal.portal_types.objectIds()


@pytest.mark.parametrize("container_id", ["projects", "groups", "partner-finding", "people", "organisations"])
def test_empty_containers_removed(portal, uninstall, container_id):
    uninstall()
    assert container_id not in portal.objectIds()


def test_container_with_content_is_kept(portal, uninstall):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=portal["groups"], type="Group", id="kept", title="Kept", access="open")
    uninstall()
    assert "kept" in portal["groups"].objectIds()
    assert "projects" not in portal.objectIds()


@pytest.mark.parametrize(
    "workflow_id",
    [
        "twinspace_workflow",
        "twinspace_content_workflow",
        "posting_workflow",
        "teacher_profile_workflow",
        "organisation_workflow",
        "group_workflow",
        "mobility_workflow",
        "quality_label_workflow",
    ],
)
def test_workflows_removed(portal, uninstall, workflow_id):
    uninstall()
    assert workflow_id not in portal.portal_workflow.objectIds()


@pytest.mark.parametrize(
    "index",
    [
        "country",
        "organisation_uid",
        "erasmus",
        "quality_labels",
        "label_applicant",
        "twinning_countries",
    ],
)
def test_catalog_index_removed(portal, uninstall, index):
    uninstall()
    assert index not in portal.portal_catalog.indexes()


def test_catalog_column_removed(portal, uninstall):
    uninstall()
    assert "twinning_summary" not in portal.portal_catalog.schema()


@pytest.mark.parametrize("role", ["TwinSpaceAdmin", "GroupAdmin", "GroupMember"])
def test_sharing_roles_removed(portal, uninstall, role):
    from plone.app.workflow.interfaces import ISharingPageRole
    from zope.component import queryUtility

    uninstall()
    assert queryUtility(ISharingPageRole, name=role) is None


@pytest.mark.parametrize(
    "record", ["collective.twinning.max_file_size_mb", "collective.twinning.max_image_size_mb"]
)
def test_upload_limits_removed(portal, uninstall, record):
    uninstall()
    assert api.portal.get_registry_record(record, default=None) is None


def test_pas_plugin_removed(portal, uninstall):
    uninstall()
    assert "twinning_groups" not in portal.acl_users.objectIds()
