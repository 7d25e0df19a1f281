"""JSON Schemas of the content types, made from their Zope schemas; and the schemas the services share.

Each type's fields are its Dexterity schema's plus those of its behaviors
(the FTIs in profiles/default/types/), as plone.restapi reads them on
``POST <container>`` (create, with ``@type``) and ``PATCH <item>`` (update).
Read-only fields (kept by the system) are not accepted and left out.
"""

from collective.twinning.behaviors.expiry import IExpiry
from collective.twinning.content.forum import IForum
from collective.twinning.content.group import IGroup
from collective.twinning.content.learning_event import ILearningEvent
from collective.twinning.content.material import IMaterial
from collective.twinning.content.meeting import IMeeting
from collective.twinning.content.mobility import IMobility
from collective.twinning.content.organisation import IOrganisation
from collective.twinning.content.page import IPage
from collective.twinning.content.partner_posting import IPartnerPosting
from collective.twinning.content.poll import IPoll
from collective.twinning.content.post import IPost
from collective.twinning.content.prize_entry import IPrizeEntry
from collective.twinning.content.prize_round import IPrizeRound
from collective.twinning.content.quality_label import IQualityLabel
from collective.twinning.content.school_label_application import ISchoolLabelApplication
from collective.twinning.content.school_label_call import ISchoolLabelCall
from collective.twinning.content.teacher_profile import ITeacherProfile
from collective.twinning.content.thread import IThread
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from pathlib import Path
from plone.app.contenttypes.behaviors.leadimage import ILeadImageBehavior
from plone.app.contenttypes.behaviors.richtext import IRichTextBehavior
from plone.app.dexterity.behaviors.exclfromnav import IExcludeFromNavigation
from plone.app.dexterity.behaviors.id import IShortName
from plone.app.dexterity.behaviors.metadata import IBasic
from plone.app.event.dx.behaviors import IEventBasic
from plone.app.event.dx.behaviors import IEventLocation
from plone.app.event.dx.behaviors import IEventRecurrence
from plone.app.textfield.interfaces import IRichText as IRichTextField
from plone.namedfile.interfaces import INamedField
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import IURI

import xml.etree.ElementTree as ET


TYPES_DIR = Path(__file__).resolve().parent.parent / "profiles" / "default" / "types"

# The content types of the add-on, with their Dexterity schema.
CONTENT_TYPES = {
    "TwinSpace": ITwinSpace,
    "Group": IGroup,
    "Page": IPage,
    "Material": IMaterial,
    "PartnerPosting": IPartnerPosting,
    "Mobility": IMobility,
    "QualityLabel": IQualityLabel,
    "TeacherProfile": ITeacherProfile,
    "Organisation": IOrganisation,
    "Post": IPost,
    "Forum": IForum,
    "Thread": IThread,
    "Meeting": IMeeting,
    "Poll": IPoll,
    "SchoolLabelCall": ISchoolLabelCall,
    "SchoolLabelApplication": ISchoolLabelApplication,
    "PrizeRound": IPrizeRound,
    "PrizeEntry": IPrizeEntry,
    "LearningEvent": ILearningEvent,
}

# Made and kept by the system (directory.profiles): changed, never created, by users.
SYSTEM_MADE = ("TeacherProfile",)

# The behaviors the FTIs name, with the schema each adds (None: no field).
# tests/openapi checks this table against the behaviors registered in Zope.
BEHAVIORS = {
    "plone.basic": IBasic,
    "plone.shortname": IShortName,
    "plone.excludefromnavigation": IExcludeFromNavigation,
    "plone.leadimage": ILeadImageBehavior,
    "plone.richtext": IRichTextBehavior,
    "collective.twinning.expiry": IExpiry,
    "plone.namefromtitle": None,
    "plone.locking": None,
    "plone.eventbasic": IEventBasic,
    "plone.eventrecurrence": IEventRecurrence,
    "plone.eventlocation": IEventLocation,
}


def fti_behaviors(portal_type: str) -> list[str]:
    """The behaviors of a type, from its FTI in the GenericSetup profile."""
    root = ET.parse(TYPES_DIR / f"{portal_type}.xml").getroot()  # noqa: S314 - our own profile file, not input
    for prop in root.iter("property"):
        if prop.get("name") == "behaviors":
            return [element.get("value") for element in prop.iter("element")]
    return []


def _text(message) -> str:
    return str(message) if message else ""


def field_schema(field) -> dict:
    """The JSON Schema of the value plone.restapi accepts for ``field``."""
    schema: dict
    if IRichTextField.providedBy(field):
        schema = {"$ref": "#/components/schemas/RichTextInput"}
    elif INamedField.providedBy(field):
        schema = {"$ref": "#/components/schemas/FileInput"}
    elif IRelationList.providedBy(field):
        schema = {"type": "array", "items": {"$ref": "#/components/schemas/RelationInput"}}
    elif IRelationChoice.providedBy(field):
        schema = {"$ref": "#/components/schemas/RelationInput"}
    elif IChoice.providedBy(field):
        schema = {"type": "string"}
        if field.vocabularyName:
            schema["x-vocabulary"] = field.vocabularyName
        elif field.vocabulary is not None:
            schema["enum"] = [term.value for term in field.vocabulary]
    elif ICollection.providedBy(field):
        schema = {"type": "array", "items": field_schema(field.value_type)}
        if field.min_length:
            schema["minItems"] = field.min_length
        if field.max_length is not None:
            schema["maxItems"] = field.max_length
    elif IBool.providedBy(field):
        schema = {"type": "boolean"}
    elif IInt.providedBy(field):
        schema = {"type": "integer"}
        if field.min is not None:
            schema["minimum"] = field.min
        if field.max is not None:
            schema["maximum"] = field.max
    elif IDatetime.providedBy(field):
        schema = {"type": "string", "format": "date-time"}
    elif IDate.providedBy(field):
        schema = {"type": "string", "format": "date"}
    elif IURI.providedBy(field):
        schema = {"type": "string", "format": "uri"}
    elif IText.providedBy(field):  # Text and TextLine
        schema = {"type": "string"}
        if field.min_length:
            schema["minLength"] = field.min_length
        if field.max_length is not None:
            schema["maxLength"] = field.max_length
    else:
        raise TypeError(f"No JSON Schema for the field {field.__name__} ({type(field).__name__})")
    title = _text(getattr(field, "title", ""))
    if title and "$ref" not in schema:
        schema = {"title": title, **schema}
    return schema


def type_fields(portal_type: str) -> list[tuple[str, object]]:
    """(name, field) of every writable field of the type, schema first, then behaviors."""
    interfaces = [CONTENT_TYPES[portal_type]]
    for name in fti_behaviors(portal_type):
        if name not in BEHAVIORS:
            raise KeyError(f"{portal_type}: behavior {name} is missing from openapi.schemas.BEHAVIORS")
        if BEHAVIORS[name] is not None:
            interfaces.append(BEHAVIORS[name])
    fields = []
    for interface in interfaces:
        for name, field in getFieldsInOrder(interface):
            if not field.readonly:
                fields.append((name, field))
    return fields


def _needed(field) -> bool:
    """A field a create call must give: required, and no default filled in."""
    if not field.required:
        return False
    if getattr(field, "defaultFactory", None) is not None:
        return False
    # The class attribute: reading field.default would call a defaultFactory.
    return field.__dict__.get("default", None) is None


def content_schemas() -> dict:
    """``<Type>Create`` and ``<Type>Update`` for every content type."""
    schemas = {}
    for portal_type in CONTENT_TYPES:
        fields = type_fields(portal_type)
        properties = {name: field_schema(field) for name, field in fields}
        required = [name for name, field in fields if _needed(field)]
        create = {
            "type": "object",
            "description": f"A new {portal_type}: POST to its container.",
            "properties": {"@type": {"type": "string", "const": portal_type}, **properties},
            "required": ["@type", *required],
        }
        update = {
            "type": "object",
            "description": f"The fields of a {portal_type} to change (PATCH).",
            "properties": properties,
        }
        if portal_type not in SYSTEM_MADE:
            schemas[f"{portal_type}Create"] = create
        schemas[f"{portal_type}Update"] = update
    return schemas


# Schemas of several services (errors, rich text, files, relations, content, search results).
SHARED_SCHEMAS = {
    "Error": obj(
        {"type": string(), "message": string()},
        required=("type", "message"),
        description="plone.restapi's error body; the message names the field or parameter.",
    ),
    "WrappedError": obj(
        {"error": ref("Error")},
        required=("error",),
        description="The error body of plone.restapi's @users (the add-on's checks answer Error).",
    ),
    "RichTextInput": {
        "description": "HTML as a string, or with its content type.",
        "oneOf": [
            string(),
            obj(
                {
                    "data": string(),
                    "content-type": string(),
                    "encoding": string(),
                },
                required=("data",),
            ),
        ],
    },
    "FileInput": obj(
        {
            "data": string(description="The content, base64 encoded."),
            "encoding": string(enum=["base64"]),
            "filename": string(),
            "content-type": string(),
        },
        required=("data", "encoding", "filename"),
    ),
    "RelationInput": string(description="The UID (or path) of the related object."),
    "Content": obj(
        {"@id": string(), "@type": string(), "UID": string(), "id": string()},
        required=("@id", "@type", "UID"),
        description="plone.restapi's serialization of the object.",
    ),
    "SearchItem": obj(
        {
            "@id": string(),
            "@type": string(),
            "UID": string(),
            "title": string(),
        },
        required=("@id", "@type", "UID", "title"),
        description="The public summary of a result (never an e-mail address).",
    ),
    "SearchResults": obj(
        {
            "@id": string(),
            "items": {"type": "array", "items": ref("SearchItem")},
            "items_total": {"type": "integer", "minimum": 0},
            "batching": {"type": "object"},
            "facets": {
                "type": "object",
                "description": "Per facet parameter, the number of results per value.",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": {"type": "integer", "minimum": 0},
                },
            },
        },
        required=("@id", "items", "items_total", "batching", "facets"),
    ),
}
