"""The OpenAPI 3.1 document of every endpoint the add-on adds.

``build()`` makes it from code: the services below (one entry per registered
plone.rest service, ``x-twinning-service`` naming its name and context
interface), the search parameters from ``search.specs`` and the content
schemas from the Dexterity schemas (``openapi.schemas``). scripts/openapi.py
writes it to docs/openapi.yaml; ``@twinning-openapi`` serves it as JSON;
tests/openapi checks that both agree with the registered services.

Paths are relative to the Plone site (``servers``). Every call sends
``Accept: application/json``: plone.rest picks the service by that header.
"""

from collective.twinning.content.group import IGroup
from collective.twinning.content.meeting import IMeeting
from collective.twinning.content.partner_posting import IPartnerPosting
from collective.twinning.content.poll import IPoll
from collective.twinning.content.post import IPost
from collective.twinning.content.quality_label import CRITERIA
from collective.twinning.content.quality_label import IQualityLabel
from collective.twinning.content.teacher_profile import ITeacherProfile
from collective.twinning.content.thread import IThread
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.interfaces import IHasRoster
from collective.twinning.openapi.recognition import recognition_paths
from collective.twinning.openapi.recognition import recognition_schemas
from collective.twinning.openapi.schemas import content_schemas
from collective.twinning.search import specs
from collective.twinning.search.engine import DEFAULT_BATCH
from collective.twinning.search.engine import MAX_BATCH
from collective.twinning.search.filters import MAX_TEXT
from plone.app.contenttypes.interfaces import IFolder
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFCore.interfaces import ISiteRoot

import copy
import functools


VERSION = "1.0.0"
JSON = "application/json"


def dotted(interface) -> str:
    return f"{interface.__module__}.{interface.__name__}"


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _string(**extra) -> dict:
    return {"type": "string", **extra}


NULLABLE_STRING = {"type": ["string", "null"]}
ID = _string(pattern=r"^[^/]+$", minLength=1)


def _object(properties: dict, required=(), description: str = "", extra: bool = True) -> dict:
    schema = {"type": "object"}
    if description:
        schema["description"] = description
    schema["properties"] = properties
    if required:
        schema["required"] = list(required)
    if not extra:
        schema["additionalProperties"] = False
    return schema


def _list_of(item: dict) -> dict:
    return _object(
        {"items": {"type": "array", "items": item}, "items_total": {"type": "integer", "minimum": 0}},
        required=("items", "items_total"),
    )


# --- component schemas -------------------------------------------------------------


def service_schemas() -> dict:
    criteria_scores = _object(
        {name: {"type": "integer", "minimum": 0, "maximum": 10} for name in CRITERIA},
        required=CRITERIA,
        description="A score from 0 to 10 per criterion (5 or more on each to award).",
        extra=False,
    )
    slot = _object(
        {
            "kind": _string(enum=["partner", "national"]),
            "user": _string(description="The partner founder (kind partner)."),
            "country": _string(description="The country whose validators decide (kind national)."),
            "decision": {"type": ["string", "null"], "enum": ["approve", "reject", None]},
            "by": NULLABLE_STRING,
            "date": NULLABLE_STRING,
            "comment": NULLABLE_STRING,
        },
        required=("kind", "decision", "by", "date", "comment"),
    )
    evaluation = _object(
        {
            "scores": _object({name: {"type": "integer"} for name in CRITERIA}),
            "comment": _string(),
            "by": _string(),
            "date": _string(),
        },
        required=("scores", "comment", "by", "date"),
    )
    search_item = _object(
        {
            "@id": _string(),
            "@type": _string(),
            "UID": _string(),
            "title": _string(),
        },
        required=("@id", "@type", "UID", "title"),
        description="The public summary of a result (never an e-mail address).",
    )
    return {
        "Error": _object(
            {"type": _string(), "message": _string()},
            required=("type", "message"),
            description="plone.restapi's error body; the message names the field or parameter.",
        ),
        "WrappedError": _object(
            {"error": ref("Error")},
            required=("error",),
            description="The error body of plone.restapi's @users (the add-on's checks answer Error).",
        ),
        "RichTextInput": {
            "description": "HTML as a string, or with its content type.",
            "oneOf": [
                _string(),
                _object(
                    {
                        "data": _string(),
                        "content-type": _string(),
                        "encoding": _string(),
                    },
                    required=("data",),
                ),
            ],
        },
        "FileInput": _object(
            {
                "data": _string(description="The content, base64 encoded."),
                "encoding": _string(enum=["base64"]),
                "filename": _string(),
                "content-type": _string(),
            },
            required=("data", "encoding", "filename"),
        ),
        "RelationInput": _string(description="The UID (or path) of the related object."),
        "Content": _object(
            {"@id": _string(), "@type": _string(), "UID": _string(), "id": _string()},
            required=("@id", "@type", "UID"),
            description="plone.restapi's serialization of the object.",
        ),
        "Member": _object({"id": _string(), "role": _string()}, required=("id", "role")),
        "MemberEntry": _object(
            {
                "id": _string(),
                "fullname": _string(description="First name only when a pupil asks."),
                "role": _string(),
                "country": NULLABLE_STRING,
            },
            required=("id", "fullname", "role", "country"),
        ),
        "MemberAdd": _object(
            {"user": ID, "role": _string(description="A role of the roster (400 names the allowed ones).")},
            required=("user", "role"),
        ),
        "RoleChange": _object({"role": _string()}, required=("role",)),
        "Pupil": _object({"id": _string(), "fullname": _string()}, required=("id", "fullname")),
        "PupilAdd": _object(
            {
                "username": _string(minLength=1),
                "fullname": _string(minLength=1),
                "password": _string(minLength=1),
            },
            required=("username", "fullname", "password"),
        ),
        "ValidationSlot": slot,
        "Checklist": _object(
            {
                "state": _string(),
                "kind": _string(enum=["european", "national"]),
                "required": {"type": "array", "items": ref("ValidationSlot")},
                "complete": {"type": "boolean"},
            },
            required=("state", "kind", "required", "complete"),
        ),
        "ProjectDecision": _object(
            {
                "decision": _string(enum=["approve", "reject"]),
                "comment": _string(description="Required to reject."),
            },
            required=("decision",),
        ),
        "TeacherRequest": _object(
            {"id": _string(), "fullname": _string(), "country": NULLABLE_STRING, "requested": _string()},
            required=("id", "fullname", "country", "requested"),
        ),
        "TeacherDecision": _object(
            {"decision": _string(enum=["approve", "reject"]), "comment": _string()},
            required=("decision",),
        ),
        "TeacherDecided": _object(
            {
                "id": _string(),
                "status": _string(),
                "requested": _string(),
                "decided_by": _string(),
                "decided": _string(),
                "comment": _string(),
            },
            required=("id", "status", "decided_by", "decided", "comment"),
        ),
        "Invitation": _object(
            {"id": _string(), "by": _string(), "date": _string()}, required=("id", "by", "date")
        ),
        "InvitationAdd": _object({"user": ID}, required=("user",)),
        "SearchItem": search_item,
        "SearchResults": _object(
            {
                "@id": _string(),
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
        "ContactMessage": _object(
            {
                "subject": _string(minLength=1, description="One line."),
                "message": _string(minLength=1),
            },
            required=("subject", "message"),
        ),
        "ContactSent": _object(
            {"sent": {"type": "integer", "minimum": 1}},
            required=("sent",),
            description="How many people were mailed (their addresses are never shown).",
        ),
        "CriteriaScores": criteria_scores,
        "Evaluation": evaluation,
        "LabelEvaluation": _object(
            {
                "state": _string(),
                "level": _string(),
                "applicant": _string(),
                "applicant_country": NULLABLE_STRING,
                "evaluation": {"oneOf": [{"type": "null"}, ref("Evaluation")]},
            },
            required=("state", "level", "applicant", "applicant_country", "evaluation"),
        ),
        "EvaluationInput": _object(
            {
                "scores": ref("CriteriaScores"),
                "comment": _string(minLength=1, description="Required (kept from the last evaluation)."),
                "decision": _string(enum=["award", "reject"], description="Left out: scores only."),
            },
        ),
        "ProjectReport": _object(
            {
                "project": {"type": "object"},
                "state_history": {"type": "array", "items": {"type": "object"}},
                "members": {"type": "object", "description": "The members by kind (adults, pupils)."},
                "content": {"type": "array", "items": {"type": "object"}},
                "mobilities": {"type": "array", "items": {"type": "object"}},
                "mobility_totals": _object(
                    {
                        name: {"type": "integer", "minimum": 0}
                        for name in (
                            "mobilities",
                            "participants_staff",
                            "participants_pupils",
                            "accompanying_persons",
                        )
                    },
                    required=(
                        "mobilities",
                        "participants_staff",
                        "participants_pupils",
                        "accompanying_persons",
                    ),
                ),
                "labels": {"type": "array", "items": {"type": "object"}},
                "generated": _string(format="date-time"),
            },
            required=(
                "project",
                "state_history",
                "members",
                "content",
                "mobilities",
                "mobility_totals",
                "labels",
                "generated",
            ),
        ),
        "Statistics": _object(
            {
                "countries": {
                    "type": ["array", "null"],
                    "items": _string(),
                    "description": "The countries counted (null: all, for administrators).",
                },
                "projects": _object(
                    {"total": {"type": "integer", "minimum": 0}, "by_state_and_country": {"type": "object"}},
                    required=("total", "by_state_and_country"),
                ),
                "mobilities": _object(
                    {
                        "total": {"type": "integer", "minimum": 0},
                        "by_key_action": {"type": "object"},
                        "by_activity_type": {"type": "object"},
                        "by_status": {"type": "object"},
                    },
                    required=("total", "by_key_action", "by_activity_type", "by_status"),
                ),
                "participants": {"type": "object"},
                "labels": {"type": "object"},
            },
            required=("countries", "projects", "mobilities", "participants", "labels"),
        ),
        "Imported": _object(
            {"@id": _string(), "UID": _string(), "title": _string()}, required=("@id", "UID", "title")
        ),
        "UserAdd": _object(
            {
                "username": _string(),
                "email": _string(format="email"),
                "password": _string(),
                "fullname": _string(),
                "country": _string(
                    description="ISO 3166-1 alpha-2 code of one of the portal's countries; "
                    "required when registering oneself.",
                    **{"x-vocabulary": "collective.twinning.vocabularies.Countries"},
                ),
                "roles": {"type": "array", "items": _string()},
                "sendPasswordReset": {"type": "boolean"},
            },
            description="plone.restapi's @users body, with the country checked.",
        ),
        "UserChange": _object(
            {
                "email": _string(format="email"),
                "fullname": _string(),
                "country": _string(**{"x-vocabulary": "collective.twinning.vocabularies.Countries"}),
            },
            description="plone.restapi's @users PATCH body; country, when given, must be valid and "
            "changes only by an administrator (or, for a pending account, a national validator of "
            "its country, sending country alone); pupil_of never changes.",
        ),
        "GroupChange": _object(
            {
                "title": _string(),
                "description": _string(),
                "roles": {"type": "array", "items": _string()},
                "groups": {"type": "array", "items": _string()},
                "users": {"type": "object", "additionalProperties": {"type": "boolean"}},
            },
            description="plone.restapi's @groups PATCH body; given roles or groups, the "
            "members' teacher profiles are synced.",
        ),
        "GroupAdd": _object(
            {
                "groupname": _string(),
                "title": _string(),
                "description": _string(),
                "email": _string(),
                "roles": {"type": "array", "items": _string()},
                "groups": {"type": "array", "items": _string()},
                "users": {"type": "array", "items": _string()},
            },
            required=("groupname",),
            description="plone.restapi's @groups POST body; roles, groups and users must exist.",
        ),
        "Group": _object({"id": _string(), "groupname": _string()}, required=("id",)),
        "User": _object({"id": _string(), "username": _string()}, required=("id",)),
        "Likes": _object(
            {"count": {"type": "integer", "minimum": 0}, "liked": {"type": "boolean"}},
            required=("count", "liked"),
        ),
        "MeetingJoin": _object(
            {
                "url": _string(format="uri"),
                "opens": _string(format="date-time"),
                "closes": _string(format="date-time"),
            },
            required=("url", "opens", "closes"),
            description="The room's address (with a signed token when the portal has a secret).",
        ),
        "PollState": _object(
            {
                "question": _string(),
                "options": {"type": "array", "items": _string()},
                "answer": {"type": ["integer", "null"]},
                "answers_total": {"type": "integer", "minimum": 0},
                "results": {
                    "type": ["array", "null"],
                    "items": _object(
                        {"option": _string(), "count": {"type": "integer"}}, required=("option", "count")
                    ),
                    "description": "Once answered (the place's teachers see them at once).",
                },
                "open": {"type": "boolean"},
            },
            required=("question", "options", "answer", "answers_total", "results", "open"),
        ),
        "PollAnswer": _object(
            {"option": {"type": "integer", "minimum": 0, "maximum": 9}}, required=("option",)
        ),
        "ActivityItem": _object(
            {
                "kind": _string(
                    enum=[
                        "post",
                        "comment",
                        "thread",
                        "reply",
                        "forum",
                        "page",
                        "material",
                        "meeting",
                        "poll",
                        "member_joined",
                        "state_change",
                    ]
                ),
                "actor": NULLABLE_STRING,
                "date": _string(format="date-time"),
                "title": _string(),
                "url": _string(),
            },
            required=("kind", "actor", "date", "title", "url"),
        ),
        "Activity": _object(
            {
                "@id": _string(),
                "items": {"type": "array", "items": ref("ActivityItem")},
                "items_total": {"type": "integer", "minimum": 0},
            },
            required=("@id", "items", "items_total"),
        ),
        "Notification": _object(
            {
                "id": _string(),
                "kind": _string(enum=["comment", "reply", "mention", "meeting", "lifecycle"]),
                "actor": NULLABLE_STRING,
                "title": _string(),
                "url": _string(),
                "uid": NULLABLE_STRING,
                "date": _string(format="date-time"),
                "read": {"type": "boolean"},
            },
            required=("id", "kind", "title", "url", "date", "read"),
        ),
        "Notifications": _object(
            {
                "@id": _string(),
                "items": {"type": "array", "items": ref("Notification")},
                "items_total": {"type": "integer", "minimum": 0},
                "unread": {"type": "integer", "minimum": 0},
            },
            required=("@id", "items", "items_total", "unread"),
        ),
        "NotificationsRead": _object(
            {"ids": {"type": "array", "items": _string(), "maxItems": 500}},
            description="The ids to mark read; without ids, all.",
        ),
        "Unread": _object({"unread": {"type": "integer", "minimum": 0}}, required=("unread",)),
        "OpenAPIDocument": _object(
            {"openapi": _string(), "paths": {"type": "object"}}, required=("openapi", "paths")
        ),
    }


# --- responses and parameters ----------------------------------------------------------

ERRORS = {
    "400": "BadRequest",
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "NotFound",
    "409": "Conflict",
    "429": "TooManyRequests",
    "503": "ServiceUnavailable",
}
ERROR_TEXT = {
    "BadRequest": "Bad input; the message names the field or parameter. Nothing was changed.",
    "Unauthorized": "Not logged in, or (Zope's answer) logged in without the permission.",
    "Forbidden": "The rules of the portal refuse it to this user.",
    "NotFound": "No such object (or member, pupil, request) here.",
    "Conflict": "What it would create is already there.",
    "TooManyRequests": "Over the rate limit.",
    "ServiceUnavailable": "The portal is not set up for it (no sender address for mail).",
}


def error_responses() -> dict:
    return {
        name: {
            "description": ERROR_TEXT[name],
            "content": {JSON: {"schema": ref("Error")}},
        }
        for name in ERRORS.values()
    }


PATH_PARAMETERS = {
    "space": "The id of a TwinSpace in /projects.",
    "group": "The id of a group in /groups.",
    "item": "The id of an object in the space or group.",
    "label": "The id of a Quality Label application in the space.",
    "posting": "The id of a partner posting in /partner-finding.",
    "profile": "The id of a teacher profile in /people.",
    "organisation": "The id of an organisation in /organisations.",
    "userid": "A user id.",
    "groupid": "The id of a user group (of the Users and Groups control panel, not in /groups).",
    "thread": "The id of a thread in the forum {item}.",
    "call": "The id of a School label call or a European Prizes round in /recognition.",
    "application": "The id of a School label application in the call, or of a prize entry in the round.",
    "entry": "The id of a prize entry in the round.",
    "event": "The id of a learning event in /learning.",
    "code": "A certificate's verification code, such as K7PQ-2MXR-9WTZ.",
}


def parameters() -> dict:
    return {
        name: {
            "name": name,
            "in": "path",
            "required": True,
            "description": description,
            "schema": ID,
        }
        for name, description in PATH_PARAMETERS.items()
    }


def _path_params(path: str) -> list[dict]:
    return [
        {"$ref": f"#/components/parameters/{name}"} for name in PATH_PARAMETERS if "{" + name + "}" in path
    ]


def _responses(ok: dict, errors: tuple[str, ...]) -> dict:
    responses = dict(ok)
    for code in errors:
        responses[code] = {"$ref": f"#/components/responses/{ERRORS[code]}"}
    return responses


def either_errors(codes: tuple[str, ...]) -> dict:
    """plone.restapi's @users and content services answer both error bodies: Error and WrappedError."""
    schema = {"anyOf": [ref("Error"), ref("WrappedError")]}
    return {
        code: {"description": ERROR_TEXT[ERRORS[code]], "content": {JSON: {"schema": schema}}}
        for code in codes
    }


def _json(description: str, schema: dict) -> dict:
    return {"description": description, "content": {JSON: {"schema": schema}}}


NO_CONTENT = {"204": {"description": "Done; no body."}}


# --- operations --------------------------------------------------------------------------


def _operation(
    summary: str,
    ok: dict,
    errors: tuple[str, ...],
    tag: str,
    service: tuple[str, object] | None = None,
    body: dict | None = None,
    query: list | None = None,
    description: str = "",
) -> dict:
    operation = {"tags": [tag], "summary": summary}
    if description:
        operation["description"] = description
    if query:
        operation["parameters"] = query
    if body is not None:
        operation["requestBody"] = body
    operation["responses"] = _responses(ok, errors)
    if service is not None:
        name, interface = service
        operation["x-twinning-service"] = {"name": name, "for": dotted(interface)}
    return operation


def _body(schema: dict, required: bool = True) -> dict:
    return {"required": required, "content": {JSON: {"schema": schema}}}


AUTH = ("401", "403", "404")
WRITE = ("400", "401", "403", "404")


def search_parameters(spec) -> list[dict]:
    """The query parameters of a search, from its SearchSpec."""
    result = []
    for spec_filter in spec.filters:
        match spec_filter.kind:
            case "text":
                schema = _string(minLength=1, maxLength=MAX_TEXT)
                text = "Words (the last one as a prefix)."
            case "flag":
                schema = _string(enum=["true", "false"])
                text = "true or false (also 1/0, yes/no)."
            case "since":
                schema = _string(format="date")
                text = "Created on or after this date."
            case "uid":
                schema = {"type": "array", "items": _string()}
                text = f"UIDs of {spec_filter.portal_type} objects (any of them)."
            case "free":
                schema = {"type": "array", "items": _string(minLength=1, maxLength=MAX_TEXT)}
                text = "Values (any of them)."
            case _:
                items = _string()
                if spec_filter.values:
                    items["enum"] = list(spec_filter.values)
                else:
                    items["x-vocabulary"] = spec_filter.vocabulary
                schema = {"type": "array", "items": items}
                text = "Values (any of them)" + (", counted in facets." if spec_filter.facet else ".")
        result.append(
            {
                "name": spec_filter.param,
                "in": "query",
                "description": text,
                "schema": schema,
                **({"style": "form", "explode": True} if schema["type"] == "array" else {}),
            }
        )
    if spec.ages:
        for name in ("age_from", "age_to"):
            result.append(
                {
                    "name": name,
                    "in": "query",
                    "description": "Pupils' ages: results whose range overlaps (age_from <= age_to).",
                    "schema": {"type": "integer", "minimum": 3, "maximum": 20},
                }
            )
    for param in spec.options:
        result.append(
            {
                "name": param,
                "in": "query",
                "description": "true: include what is hidden by default.",
                "schema": _string(enum=["true", "false"]),
            }
        )
    if len(spec.sorting.choices) > 1:
        result.append(
            {
                "name": "sort_on",
                "in": "query",
                "description": f"Default {spec.sorting.default}.",
                "schema": _string(enum=list(spec.sorting.choices)),
            }
        )
    result += [
        {"name": "b_start", "in": "query", "schema": {"type": "integer", "minimum": 0}},
        {
            "name": "b_size",
            "in": "query",
            "description": f"Default {DEFAULT_BATCH}.",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_BATCH},
        },
    ]
    return result


SEARCHES = (
    ("@project-search", specs.PROJECTS, "Validated, running, concluded and labelled projects."),
    ("@partner-search", specs.POSTINGS, "Published partner postings (expired ones on request)."),
    ("@people-search", specs.PEOPLE, "Visible teacher profiles (teachers and validators)."),
    ("@organisation-search", specs.ORGANISATIONS, "Schools and organisations."),
)

SPACE = "/projects/{space}"
GROUP = "/groups/{group}"
EVENT = "/learning/{event}"


def roster_paths(base: str, tag: str) -> dict:
    service = ("@members", IHasRoster)
    return {
        f"{base}/@members": {
            "get": _operation(
                "The members and their roles",
                {"200": _json("The members.", _list_of(ref("MemberEntry")))},
                AUTH,
                tag,
                service,
            ),
            "post": _operation(
                "Add a member",
                {"201": _json("Added.", ref("Member"))},
                WRITE,
                tag,
                service,
                body=_body(ref("MemberAdd")),
            ),
        },
        f"{base}/@members/{{userid}}": {
            "patch": _operation(
                "Change a member's role",
                {"200": _json("Changed.", ref("Member"))},
                WRITE,
                tag,
                service,
                body=_body(ref("RoleChange")),
            ),
            "delete": _operation("Remove a member", NO_CONTENT, WRITE, tag, service),
        },
        f"{base}/@audit": {
            "get": _operation(
                "The audit log: roster changes, validation and label decisions, transitions",
                {"200": _json("Newest first, batched.", AUDIT_LOG)},
                ("400", "401", "403", "404"),
                tag,
                ("@audit", IHasRoster),
                query=[
                    {"name": "b_start", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                    {
                        "name": "b_size",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 500},
                    },
                ],
            ),
        },
    }


# @audit entries: who, when, what, target, comment, and what the kind of change adds.
AUDIT_LOG = {
    "type": "object",
    "required": ["items", "items_total"],
    "properties": {
        "@id": {"type": "string"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["when", "who", "what"],
                "properties": {
                    "when": {"type": "string"},
                    "who": {"type": ["string", "null"]},
                    "what": {"type": "string"},
                    "target": {"type": ["string", "null"]},
                    "comment": {"type": ["string", "null"]},
                },
            },
        },
        "items_total": {"type": "integer", "minimum": 0},
        "batching": {"type": "object"},
    },
}


BATCH = [
    {"name": "b_start", "in": "query", "schema": {"type": "integer", "minimum": 0}},
    {"name": "b_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
]


def collaboration_paths(base: str) -> dict:
    """@activity of the place; @likes of posts and threads; @join of meetings; @poll of polls."""
    tag = "collaboration"
    likes = {
        "get": (
            "Likes of a {what} (members)",
            {"200": _json("How many, and whether the user likes it.", ref("Likes"))},
            AUTH,
        ),
        "post": ("Like a {what} (once)", {"200": _json("How many now.", ref("Likes"))}, AUTH),
        "delete": ("Take back a like", {"200": _json("How many now.", ref("Likes"))}, AUTH),
    }
    paths = {
        f"{base}/@activity": {
            "get": _operation(
                "The newest events of the place the user may see",
                {"200": _json("Newest first, batched.", ref("Activity"))},
                ("400", *AUTH),
                tag,
                ("@activity", IHasRoster),
                query=BATCH,
            )
        },
        f"{base}/{{item}}/@join": {
            "get": _operation(
                "The address of the meeting's room (invited members, from 15 minutes before it starts)",
                {"200": _json("The room.", ref("MeetingJoin"))},
                ("400", *AUTH),
                tag,
                ("@join", IMeeting),
                description="400 (field start) says when it opens; 403 for those not invited.",
            )
        },
        f"{base}/{{item}}/@poll": {
            "get": _operation(
                "The poll, the user's answer and (once answered) the results",
                {"200": _json("The poll.", ref("PollState"))},
                AUTH,
                tag,
                ("@poll", IPoll),
            ),
            "post": _operation(
                "Answer the poll (once)",
                {"200": _json("The poll with its results.", ref("PollState"))},
                WRITE,
                tag,
                ("@poll", IPoll),
                body=_body(ref("PollAnswer")),
            ),
        },
    }
    for path, interface, what in (
        (f"{base}/{{item}}/@likes", IPost, "post"),
        (f"{base}/{{item}}/{{thread}}/@likes", IThread, "thread"),
    ):
        paths[path] = {
            method: _operation(summary.format(what=what), ok, errors, tag, ("@likes", interface))
            for method, (summary, ok, errors) in likes.items()
        }
    return paths


def service_paths() -> dict:
    paths = {}
    for name, spec, text in SEARCHES:
        paths[f"/{name}"] = {
            "get": _operation(
                text,
                {"200": _json("A batch of results with facet counts.", ref("SearchResults"))},
                ("400", "401", "403"),
                "search",
                (name, ISiteRoot),
                query=search_parameters(spec),
            )
        }
    paths["/@teacher-requests"] = {
        "get": _operation(
            "Pending teacher accounts of the validator's countries",
            {"200": _json("Oldest first.", _list_of(ref("TeacherRequest")))},
            ("401", "403"),
            "teachers",
            ("@teacher-requests", IPloneSiteRoot),
        )
    }
    paths["/@teacher-requests/{userid}"] = {
        "post": _operation(
            "Approve or reject a teacher account",
            {"200": _json("Decided.", ref("TeacherDecided"))},
            WRITE,
            "teachers",
            ("@teacher-requests", IPloneSiteRoot),
            body=_body(ref("TeacherDecision")),
        )
    }
    paths["/@twinning-stats"] = {
        "get": _operation(
            "Statistics of the validator's countries",
            {"200": _json("Counts.", ref("Statistics"))},
            ("401", "403"),
            "reports",
            ("@twinning-stats", IPloneSiteRoot),
        )
    }
    paths["/@users"] = {
        "post": _operation(
            "Register (anonymous) or create an account",
            {"201": _json("Created.", ref("User")), **either_errors(("400", "401", "403"))},
            (),
            "users",
            ("@users", ISiteRoot),
            body=_body(ref("UserAdd")),
            description="plone.restapi's @users POST; a self-registering teacher must give country.",
        )
    }
    paths["/@users/{userid}"] = {
        "patch": _operation(
            "Change an account",
            {**NO_CONTENT, "200": _json("Changed.", ref("User")), **either_errors(WRITE)},
            (),
            "users",
            ("@users", ISiteRoot),
            body=_body(ref("UserChange")),
        )
    }
    paths["/@audit"] = {
        "get": _operation(
            "The portal's audit log: changes of an account's country (from_country, to_country)",
            {"200": _json("Newest first, batched.", AUDIT_LOG)},
            ("400", "401", "403"),
            "users",
            ("@audit", IPloneSiteRoot),
            query=[
                {"name": "b_start", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                {
                    "name": "b_size",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 500},
                },
            ],
        )
    }
    paths["/@groups"] = {
        "post": _operation(
            "Create a group",
            {"201": _json("Created.", ref("Group")), **either_errors(("400", "401", "403"))},
            (),
            "users",
            ("@groups", ISiteRoot),
            body=_body(ref("GroupAdd")),
            description="plone.restapi's @groups POST; the accounts added to a group holding "
            "Teacher get their teacher profiles.",
        )
    }
    paths["/@groups/{groupid}"] = {
        "patch": _operation(
            "Change a group",
            {**NO_CONTENT, **either_errors(WRITE)},
            (),
            "users",
            ("@groups", ISiteRoot),
            body=_body(ref("GroupChange")),
            description="plone.restapi's @groups PATCH; the members of a group whose roles or "
            "groups change have their teacher profiles shown or hidden.",
        ),
        "delete": _operation(
            "Delete a group",
            {**NO_CONTENT, **either_errors(WRITE)},
            (),
            "users",
            ("@groups", ISiteRoot),
            description="plone.restapi's @groups DELETE; its members' teacher profiles are "
            "hidden unless they hold Teacher otherwise.",
        ),
    }
    paths["/@twinning-openapi"] = {
        "get": _operation(
            "This document",
            {"200": _json("The OpenAPI document.", ref("OpenAPIDocument"))},
            ("401",),
            "meta",
            ("@twinning-openapi", ISiteRoot),
            description="Public. 401 only for malformed credentials.",
        )
    }
    paths["/projects/@import"] = {
        "post": _operation(
            "Import a space from an @export archive",
            {"201": _json("The new space.", ref("Imported"))},
            ("400", "401", "403", "404", "409"),
            "exchange",
            ("@import", IFolder),
            body={"required": True, "content": {"application/zip": {"schema": _string(format="binary")}}},
        )
    }
    paths[f"{SPACE}/@validation"] = {
        "get": _operation(
            "The validation checklist",
            {"200": _json("The checklist.", ref("Checklist"))},
            AUTH,
            "validation",
            ("@validation", ITwinSpace),
        ),
        "post": _operation(
            "Approve or reject the pending project",
            {"200": _json("The checklist.", ref("Checklist"))},
            WRITE,
            "validation",
            ("@validation", ITwinSpace),
            body=_body(ref("ProjectDecision")),
        ),
    }
    paths.update(roster_paths(SPACE, "members"))
    paths[f"{SPACE}/@pupils"] = {
        "get": _operation(
            "The pupil accounts of the space",
            {"200": _json("The pupils.", _list_of(ref("Pupil")))},
            AUTH,
            "pupils",
            ("@pupils", ITwinSpace),
        ),
        "post": _operation(
            "Create a pupil account in the space",
            {"201": _json("Created.", ref("Pupil"))},
            WRITE,
            "pupils",
            ("@pupils", ITwinSpace),
            body=_body(ref("PupilAdd")),
        ),
    }
    paths[f"{SPACE}/@pupils/{{userid}}"] = {
        "delete": _operation("Delete a pupil account", NO_CONTENT, WRITE, "pupils", ("@pupils", ITwinSpace)),
    }
    paths[f"{SPACE}/@contact"] = {
        "post": _operation(
            "Mail the project's founders",
            {"200": _json("Sent.", ref("ContactSent"))},
            ("400", "401", "403", "404", "429", "503"),
            "contact",
            ("@contact", ITwinSpace),
            body=_body(ref("ContactMessage")),
        )
    }
    paths[f"{SPACE}/@report"] = {
        "get": _operation(
            "The project report",
            {
                "200": {
                    "description": "JSON, or the mobility table as CSV (format=csv).",
                    "content": {JSON: {"schema": ref("ProjectReport")}, "text/csv": {"schema": _string()}},
                }
            },
            ("400", "401", "403", "404"),
            "reports",
            ("@report", ITwinSpace),
            query=[{"name": "format", "in": "query", "schema": _string(enum=["json", "csv"])}],
        )
    }
    paths[f"{SPACE}/@export"] = {
        "get": _operation(
            "The space as a zip archive",
            {
                "200": {
                    "description": "The archive.",
                    "content": {"application/zip": {"schema": _string(format="binary")}},
                }
            },
            AUTH,
            "exchange",
            ("@export", ITwinSpace),
        )
    }
    paths[f"{SPACE}/{{label}}/@evaluation"] = {
        "get": _operation(
            "The evaluation of a Quality Label application",
            {"200": _json("State and evaluation.", ref("LabelEvaluation"))},
            AUTH,
            "labels",
            ("@evaluation", IQualityLabel),
        ),
        "post": _operation(
            "Score, and award or reject, a submitted application",
            {"200": _json("State and evaluation.", ref("LabelEvaluation"))},
            WRITE,
            "labels",
            ("@evaluation", IQualityLabel),
            body=_body(ref("EvaluationInput")),
        ),
    }
    paths.update(collaboration_paths(SPACE))
    paths.update(roster_paths(GROUP, "groups"))
    paths.update(collaboration_paths(GROUP))
    paths["/@notifications"] = {
        "get": _operation(
            "The current user's notifications, unread first",
            {"200": _json("Newest first within unread, then read; batched.", ref("Notifications"))},
            ("400", "401"),
            "collaboration",
            ("@notifications", IPloneSiteRoot),
            query=BATCH,
        )
    }
    paths["/@notifications/read"] = {
        "post": _operation(
            "Mark notifications read (all, or the given ids)",
            {"200": _json("What stays unread.", ref("Unread"))},
            ("400", "401"),
            "collaboration",
            ("@notifications", IPloneSiteRoot),
            body=_body(ref("NotificationsRead"), required=False),
        )
    }
    paths[f"{GROUP}/@join"] = {
        "post": _operation(
            "Join the group",
            {"201": _json("Joined.", ref("Member")), "200": _json("Already a member.", ref("Member"))},
            AUTH,
            "groups",
            ("@join", IGroup),
        )
    }
    paths[f"{GROUP}/@leave"] = {
        "post": _operation("Leave the group", NO_CONTENT, WRITE, "groups", ("@leave", IGroup)),
    }
    paths[f"{GROUP}/@invitations"] = {
        "get": _operation(
            "Pending invitations",
            {"200": _json("The invitations.", _list_of(ref("Invitation")))},
            AUTH,
            "groups",
            ("@invitations", IGroup),
        ),
        "post": _operation(
            "Invite an account (mailed)",
            {"201": _json("Invited.", ref("Invitation"))},
            WRITE,
            "groups",
            ("@invitations", IGroup),
            body=_body(ref("InvitationAdd")),
        ),
    }
    paths[f"{GROUP}/@invitations/{{userid}}"] = {
        "delete": _operation("Withdraw an invitation", NO_CONTENT, WRITE, "groups", ("@invitations", IGroup)),
    }
    for base, interface in (
        ("/partner-finding/{posting}", IPartnerPosting),
        ("/people/{profile}", ITeacherProfile),
    ):
        paths[f"{base}/@contact"] = {
            "post": _operation(
                "Mail the author",
                {"200": _json("Sent.", ref("ContactSent"))},
                ("400", "401", "403", "404", "429", "503"),
                "contact",
                ("@contact", interface),
                body=_body(ref("ContactMessage")),
            )
        }
    paths.update(recognition_paths(_operation, _json, _body, ref, _string, _list_of, AUTH, WRITE, NO_CONTENT))
    return paths


# --- content ------------------------------------------------------------------------------


def _create(types: tuple[str, ...], where: str) -> dict:
    schemas = [ref(f"{name}Create") for name in types]
    schema = schemas[0] if len(schemas) == 1 else {"oneOf": schemas}
    return _operation(
        f"Create a {' or '.join(types)} in {where}",
        {"201": _json("Created.", ref("Content")), **either_errors(WRITE)},
        (),
        "content",
        body=_body(schema),
        description="plone.restapi's content creation; `@type` names the type.",
    )


def _update(types: tuple[str, ...]) -> dict:
    schemas = [ref(f"{name}Update") for name in types]
    schema = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    return _operation(
        f"Change a {' or '.join(types)}",
        {
            **NO_CONTENT,
            "200": _json("Changed (with Prefer: return=representation).", ref("Content")),
            **either_errors(WRITE),
        },
        (),
        "content",
        body=_body(schema),
        description="plone.restapi's content update.",
    )


IN_SPACE = ("Page", "Material", "Mobility", "QualityLabel", "Post", "Forum", "Meeting", "Poll")
IN_GROUP = ("Page", "Material", "Post", "Forum", "Meeting", "Poll")


def content_paths() -> dict:
    return {
        "/projects": {"post": _create(("TwinSpace",), "/projects")},
        SPACE: {
            "post": _create(IN_SPACE, "a TwinSpace (pages also in pages)"),
            "patch": _update(("TwinSpace",)),
        },
        f"{SPACE}/{{item}}": {"patch": _update(IN_SPACE), "post": _create(("Thread",), "a forum")},
        f"{SPACE}/{{item}}/{{thread}}": {"patch": _update(("Thread",))},
        "/groups": {"post": _create(("Group",), "/groups")},
        GROUP: {"post": _create(IN_GROUP, "a group"), "patch": _update(("Group",))},
        f"{GROUP}/{{item}}": {"patch": _update(IN_GROUP), "post": _create(("Thread",), "a forum")},
        f"{GROUP}/{{item}}/{{thread}}": {"patch": _update(("Thread",))},
        "/partner-finding": {"post": _create(("PartnerPosting",), "/partner-finding")},
        "/partner-finding/{posting}": {"patch": _update(("PartnerPosting",))},
        "/people/{profile}": {
            "patch": {
                **_update(("TeacherProfile",)),
                "description": "Profiles are made by the system; their owner changes them.",
            }
        },
        "/organisations": {"post": _create(("Organisation",), "/organisations")},
        "/organisations/{organisation}": {"patch": _update(("Organisation",))},
        "/recognition": {"post": _create(("SchoolLabelCall", "PrizeRound"), "/recognition")},
        "/recognition/{call}": {
            "post": _create(("SchoolLabelApplication", "PrizeEntry"), "a call or a prize round"),
            "patch": _update(("SchoolLabelCall", "PrizeRound")),
        },
        "/recognition/{call}/{application}": {"patch": _update(("SchoolLabelApplication", "PrizeEntry"))},
        "/learning": {"post": _create(("LearningEvent",), "/learning")},
        EVENT: {"patch": _update(("LearningEvent",))},
    }


# --- the document ------------------------------------------------------------------------


@functools.cache
def _build() -> dict:
    paths = {**content_paths(), **service_paths()}
    for path, item in paths.items():
        params = _path_params(path)
        if params:
            for operation in item.values():
                operation["parameters"] = params + operation.get("parameters", [])
    ordered = dict(sorted(paths.items()))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "collective.twinning",
            "version": VERSION,
            "description": (
                "The endpoints the collective.twinning add-on adds to a Plone site, and the "
                "creation and change of its content types (plone.restapi). Paths are relative "
                "to the site. Send `Accept: application/json` (plone.rest chooses services by "
                "it); log in with HTTP basic authentication or a plone.restapi token. "
                "Errors are JSON objects with `type` and `message`. Zope answers 401 both "
                "to anonymous users and to users lacking a permission."
            ),
        },
        "servers": [{"url": "http://localhost:8080/Plone", "description": "make run"}],
        "security": [{}, {"basic": []}, {"token": []}],
        "tags": [
            {"name": tag}
            for tag in sorted({op["tags"][0] for item in ordered.values() for op in item.values()})
        ],
        "paths": ordered,
        "components": {
            "securitySchemes": {
                "basic": {"type": "http", "scheme": "basic"},
                "token": {"type": "http", "scheme": "bearer", "description": "From POST /@login."},
            },
            "parameters": parameters(),
            "responses": error_responses(),
            "schemas": {
                **service_schemas(),
                **recognition_schemas(_object, _string, _list_of),
                **content_schemas(),
            },
        },
    }


def build(server_url: str | None = None) -> dict:
    """A fresh copy of the document; ``server_url`` replaces the example server."""
    document = copy.deepcopy(_build())
    if server_url:
        document["servers"] = [{"url": server_url}]
    return document
