"""Every FTI: its schema fields, behaviors, allowed types and add permission."""

from plone import api
from plone.dexterity.utils import iterSchemataForType
from zope.schema import getFieldNames

import pytest


# portal_type: (fields the type must have, allowed content types, global_allow)
TYPES = {
    "TwinSpace": (
        {
            "title",
            "description",
            "aims",
            "work_process",
            "expected_results",
            "languages",
            "subjects",
            "age_from",
            "age_to",
            "pupils_count",
            "cofounder",
            "erasmus_key_action",
            "erasmus_project_reference",
            "start",
            "end",
        },
        {"Page", "Material", "Mobility", "QualityLabel", "Post", "Forum", "Meeting", "Poll"},
        True,
    ),
    "Group": (
        {"title", "description", "objectives", "access", "languages", "subjects"},
        {"Page", "Material", "Post", "Forum", "Meeting", "Poll"},
        True,
    ),
    "Page": ({"title", "description", "text"}, {"Page", "Material"}, False),
    "Material": (
        {"title", "description", "file", "image", "embed_url", "copyright_confirmed", "license"},
        set(),
        False,
    ),
    "PartnerPosting": (
        {
            "title",
            "description",
            "partnership_type",
            "looking_for",
            "country",
            "organisation",
            "languages",
            "subjects",
            "vocational_subjects",
            "age_from",
            "age_to",
            "topics",
            "expires",
        },
        set(),
        True,
    ),
    "Mobility": (
        {
            "key_action",
            "activity_type",
            "direction",
            "sending_organisation",
            "receiving_organisation",
            "host_country",
            "start",
            "end",
            "participants_staff",
            "participants_pupils",
            "accompanying_persons",
            "report",
        },
        set(),
        False,
    ),
    "QualityLabel": (
        {
            "level",
            "applicant",
            "school_year",
            "pedagogical_approaches",
            "curricular_integration",
            "collaboration",
            "use_of_technology",
            "results_documentation",
        },
        set(),
        False,
    ),
}

ADD_PERMISSIONS = {
    "TwinSpace": "collective.twinning.AddTwinSpace",
    "Group": "collective.twinning.AddGroup",
    "Page": "collective.twinning.AddPage",
    "Material": "collective.twinning.AddMaterial",
    "PartnerPosting": "collective.twinning.AddPartnerPosting",
    "Mobility": "collective.twinning.AddMobility",
    "QualityLabel": "collective.twinning.AddQualityLabel",
}


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_schema_fields(portal, portal_type):
    expected, _allowed, _global = TYPES[portal_type]
    fields = set()
    for schema in iterSchemataForType(portal_type):
        fields.update(getFieldNames(schema))
    assert expected <= fields


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_allowed_content_types(get_fti, portal_type):
    _fields, allowed, global_allow = TYPES[portal_type]
    fti = get_fti(portal_type)
    assert fti.filter_content_types is True
    assert set(fti.allowed_content_types) == allowed
    assert fti.global_allow is global_allow


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_add_permission(get_fti, portal_type):
    assert get_fti(portal_type).add_permission == ADD_PERMISSIONS[portal_type]


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_factory_builds_the_class(portal, portal_type):
    """The FTI's factory makes an instance of the class it names."""
    from importlib import import_module
    from plone.dexterity.utils import createContent

    fti = api.portal.get_tool("portal_types")[portal_type]
    module_name, class_name = fti.klass.rsplit(".", 1)
    klass = getattr(import_module(module_name), class_name)
    assert isinstance(createContent(portal_type), klass)


@pytest.mark.parametrize(
    "parent_type,child_type,expected",
    [
        ("TwinSpace", "Page", True),
        ("TwinSpace", "Material", True),
        ("TwinSpace", "Mobility", True),
        ("TwinSpace", "QualityLabel", True),
        ("TwinSpace", "TwinSpace", False),
        ("TwinSpace", "Group", False),
        ("Group", "Page", True),
        ("Group", "Material", True),
        ("Group", "Mobility", False),
        ("Page", "Page", True),
        ("Page", "Material", True),
        ("Page", "QualityLabel", False),
    ],
)
def test_containment(get_fti, parent_type, child_type, expected):
    assert bool(get_fti(parent_type).allowType(child_type)) is expected


@pytest.mark.parametrize("portal_type", ["Page", "Material", "Mobility", "QualityLabel"])
def test_inner_types_not_addable_at_site_root(portal, portal_type):
    with api.env.adopt_roles(["Manager"]):
        addable = [fti.getId() for fti in portal.allowedContentTypes()]
    assert portal_type not in addable
