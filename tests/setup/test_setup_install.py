"""The default profile installs the layer, roles, types and containers."""

from collective.twinning import PACKAGE_NAME
from plone import api

import pytest


TYPES = (
    "TwinSpace",
    "Group",
    "Page",
    "Material",
    "PartnerPosting",
    "Mobility",
    "QualityLabel",
    "TeacherProfile",
    "Organisation",
)

CONTAINERS = [
    # container id, the one type it holds, its add permission
    ("projects", "TwinSpace", "collective.twinning: Add TwinSpace"),
    ("groups", "Group", "collective.twinning: Add Group"),
    ("partner-finding", "PartnerPosting", "collective.twinning: Add PartnerPosting"),
    ("organisations", "Organisation", "collective.twinning: Add Organisation"),
]


def test_addon_installed(installer):
    assert installer.is_product_installed(PACKAGE_NAME) is True


def test_browserlayer(browser_layers):
    from collective.twinning.interfaces import IBrowserLayer

    assert IBrowserLayer in browser_layers


def test_latest_version(profile_last_version):
    assert profile_last_version(f"{PACKAGE_NAME}:default") == "1005"


def test_restapi_installed(installer):
    assert installer.is_product_installed("plone.restapi") is True


@pytest.mark.parametrize("portal_type", TYPES)
def test_type_installed(portal, portal_type):
    assert portal_type in portal.portal_types.objectIds()


@pytest.mark.parametrize("role", ["Teacher", "NationalValidator", "EuropeanValidator"])
def test_global_role_defined(portal, role):
    assert role in portal.validRoles()


def test_country_member_property(portal):
    assert portal.portal_memberdata.hasProperty("country")


@pytest.mark.parametrize("container_id,portal_type,permission", CONTAINERS)
def test_container_holds_only_its_type(portal, container_id, portal_type, permission):
    container = portal[container_id]
    with api.env.adopt_roles(["Manager"]):
        allowed = [fti.getId() for fti in container.allowedContentTypes()]
    assert allowed == [portal_type]


@pytest.mark.parametrize("container_id,portal_type,permission", CONTAINERS)
def test_container_title_translated_from_msgid(portal, container_id, portal_type, permission):
    assert portal[container_id].Title()
    assert portal[container_id].portal_type == "Folder"


@pytest.mark.parametrize("container_id,portal_type,permission", CONTAINERS)
@pytest.mark.parametrize(
    "roles,expected",
    [
        (["Manager"], True),
        (["Site Administrator"], True),
        (["Member", "Teacher"], True),
        (["Member", "Contributor"], True),
        (["Member"], False),
        (["Member", "NationalValidator"], False),
    ],
)
def test_who_may_add_in_container(portal, container_id, portal_type, permission, roles, expected):
    container = portal[container_id]
    with api.env.adopt_roles(roles):
        may_add = bool(
            api.user.has_permission(permission, obj=container)
            and api.user.has_permission("Add portal content", obj=container)
        )
    assert may_add is expected


@pytest.mark.parametrize("permission", [c[2] for c in CONTAINERS])
@pytest.mark.parametrize(
    "roles,expected",
    [(["Manager"], True), (["Member", "Teacher"], False), (["Member", "Contributor"], False)],
)
def test_top_level_types_not_addable_at_site_root(portal, permission, roles, expected):
    """Outside their container, only administrators may add projects, groups, postings."""
    with api.env.adopt_roles(roles):
        assert bool(api.user.has_permission(permission, obj=portal)) is expected


def test_reinstall_keeps_containers(portal, setup_tool):
    marker = portal["projects"].UID()
    with api.env.adopt_roles(["Manager"]):
        setup_tool.runAllImportStepsFromProfile(f"profile-{PACKAGE_NAME}:default")
    assert portal["projects"].UID() == marker


@pytest.mark.parametrize(
    "portal_type,workflow_id",
    [
        ("TwinSpace", "twinspace_workflow"),
        ("Page", "twinspace_content_workflow"),
        ("Material", "twinspace_content_workflow"),
        ("PartnerPosting", "posting_workflow"),
        ("TeacherProfile", "teacher_profile_workflow"),
        ("Organisation", "organisation_workflow"),
        ("Group", "group_workflow"),
        ("Mobility", "mobility_workflow"),
        ("QualityLabel", "quality_label_workflow"),
    ],
)
def test_workflow_chain(portal, portal_type, workflow_id):
    assert portal.portal_workflow.getChainForPortalType(portal_type) == (workflow_id,)


SEARCH_INDEXES = {
    "country": "KeywordIndex",
    "languages": "KeywordIndex",
    "subjects": "KeywordIndex",
    "vocational_subjects": "KeywordIndex",
    "topics": "KeywordIndex",
    "member_type": "FieldIndex",
    "available_for_projects": "FieldIndex",
    "ambassador": "FieldIndex",
    "organisation_uid": "FieldIndex",
    "region": "FieldIndex",
    "organisation_type": "FieldIndex",
    "partnership_type": "FieldIndex",
    "looking_for": "FieldIndex",
    "age_from": "FieldIndex",
    "age_to": "FieldIndex",
    "project_kind": "FieldIndex",
    "erasmus": "FieldIndex",
    "quality_labels": "KeywordIndex",
    "label_applicant": "FieldIndex",
    "twinning_countries": "KeywordIndex",
}


@pytest.mark.parametrize("index,meta_type", SEARCH_INDEXES.items())
def test_catalog_index(portal, index, meta_type):
    assert portal.portal_catalog.Indexes[index].meta_type == meta_type


@pytest.mark.parametrize(
    "roles,expected",
    [
        (["Manager"], True),
        (["Site Administrator"], True),
        (["Member", "Teacher"], False),
        (["Member", "Contributor"], False),
    ],
)
def test_only_the_system_adds_teacher_profiles(portal, roles, expected):
    """Profiles are made by directory.profiles, never by hand."""
    with api.env.adopt_roles(roles):
        may_add = api.user.has_permission("collective.twinning: Add TeacherProfile", obj=portal["people"])
    assert bool(may_add) is expected


@pytest.mark.parametrize("index", ["twinspace_members", "group_members", "group_invited"])
def test_no_member_index(portal, index):
    """Who is in which place is the PAS plugin's, never a catalog index anyone could query."""
    assert index not in portal.portal_catalog.indexes()


@pytest.mark.parametrize("interface", ["IGroupsPlugin", "IGroupEnumerationPlugin", "IGroupIntrospection"])
def test_pas_plugin_active(portal, interface):
    from Products.PlonePAS.interfaces import group as plone_group
    from Products.PluggableAuthService.interfaces import plugins

    iface = getattr(plugins, interface, None) or getattr(plone_group, interface)
    assert "twinning_groups" in portal.acl_users.plugins.listPluginIds(iface)


def test_summary_column(portal):
    assert "twinning_summary" in portal.portal_catalog.schema()


@pytest.mark.parametrize(
    "role",
    [
        "TwinSpaceAdmin",
        "TwinSpaceTeacher",
        "TwinSpacePupilAdmin",
        "TwinSpacePupil",
        "TwinSpaceObserver",
        "GroupAdmin",
        "GroupMember",
    ],
)
def test_local_role_defined_and_shown_in_sharing(portal, role):
    from plone.app.workflow.interfaces import ISharingPageRole
    from zope.component import queryUtility

    assert role in portal.validRoles()
    assert queryUtility(ISharingPageRole, name=role).required_permission == "Manage portal"


@pytest.mark.parametrize(
    "record,megabytes",
    [("collective.twinning.max_file_size_mb", 20), ("collective.twinning.max_image_size_mb", 5)],
)
def test_upload_limits_in_registry(portal, record, megabytes):
    assert api.portal.get_registry_record(record) == megabytes


@pytest.mark.parametrize("container_id", ["projects", "groups", "partner-finding", "people", "organisations"])
def test_large_containers_keep_no_order(portal, container_id):
    """Adding the 200 000th profile must not rewrite a list of 199 999 ids."""
    from plone.folder.unordered import UnorderedOrdering

    assert isinstance(portal[container_id].getOrdering(), UnorderedOrdering)
