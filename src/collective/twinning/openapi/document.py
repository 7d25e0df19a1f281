"""The OpenAPI 3.1 document of every endpoint the add-on adds.

``build()`` assembles it from code: each service's fragment beside it
(``services/<endpoint>/openapi.py``: ``PATHS`` and, when it has its own,
``SCHEMAS``; operations tied to a registered plone.rest service name it and
its context interface in ``x-twinning-service``), the schemas the services
share and the content-type schemas (``openapi.schemas``), and the shared
parameters, responses and security schemes below. scripts/openapi.py writes
it to docs/openapi.yaml; ``@twinning-openapi`` serves it as JSON;
tests/openapi checks that both agree with the registered services.

Paths are relative to the Plone site (``servers``). Every call sends
``Accept: application/json``: plone.rest picks the service by that header.
"""

from collective.twinning import services
from collective.twinning.openapi.fragments import ERROR_TEXT
from collective.twinning.openapi.fragments import ERRORS
from collective.twinning.openapi.fragments import ID
from collective.twinning.openapi.fragments import JSON
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.schemas import content_schemas
from collective.twinning.openapi.schemas import SHARED_SCHEMAS
from types import ModuleType

import copy
import functools
import importlib
import importlib.util
import pkgutil


VERSION = "1.0.0"

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

# The order the service schemas had when document.py still described every service, kept so that
# docs/openapi.yaml did not change when the fragments moved beside the services. Schemas not named
# here come after them, by name (and the content-type schemas last).
SCHEMA_ORDER = (
    "Error",
    "WrappedError",
    "RichTextInput",
    "FileInput",
    "RelationInput",
    "Content",
    "Member",
    "MemberEntry",
    "MemberAdd",
    "RoleChange",
    "Pupil",
    "PupilAdd",
    "ValidationSlot",
    "Checklist",
    "ProjectDecision",
    "TeacherRequest",
    "TeacherDecision",
    "TeacherDecided",
    "Invitation",
    "InvitationAdd",
    "SearchItem",
    "SearchResults",
    "ContactMessage",
    "ContactSent",
    "CriteriaScores",
    "Evaluation",
    "LabelEvaluation",
    "EvaluationInput",
    "ProjectReport",
    "Statistics",
    "Imported",
    "UserAdd",
    "UserChange",
    "GroupChange",
    "GroupAdd",
    "Group",
    "User",
    "Likes",
    "MeetingJoin",
    "PollState",
    "PollAnswer",
    "ActivityItem",
    "Activity",
    "Notification",
    "Notifications",
    "NotificationsRead",
    "Unread",
    "OpenAPIDocument",
    "SchoolLabelEligibility",
    "SchoolLabelEvaluationInput",
    "SchoolLabelEvaluation",
    "PrizeScoreInput",
    "PrizeScore",
    "PrizeRanking",
    "Registration",
    "Attendance",
    "AttendanceInput",
    "CertificateCheck",
    "Certificates",
    "Ambassador",
    "AmbassadorAdd",
)


def fragments() -> list[ModuleType]:
    """The ``openapi`` module of each sub-package of services/, sorted by package name."""
    found = []
    for info in sorted(pkgutil.iter_modules(services.__path__), key=lambda info: info.name):
        name = f"{services.__name__}.{info.name}.openapi"
        if info.ispkg and importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name))
    return found


def fragment_paths(modules: list[ModuleType]) -> dict:
    """The paths of all fragments; a method of a path in two fragments is an error."""
    paths = {}
    for module in modules:
        for path, item in module.PATHS.items():
            merged = paths.setdefault(path, {})
            for method, operation in item.items():
                if method in merged:
                    raise ValueError(f"{method.upper()} {path} is described twice ({module.__name__})")
                merged[method] = operation
    return paths


def component_schemas(modules: list[ModuleType]) -> dict:
    """The shared schemas, those of the fragments (in SCHEMA_ORDER) and the content-type schemas."""
    schemas = dict(SHARED_SCHEMAS)
    for module in modules:
        for name, schema in getattr(module, "SCHEMAS", {}).items():
            if name in schemas:
                raise ValueError(f"schema {name} is defined twice ({module.__name__})")
            schemas[name] = schema
    rank = {name: position for position, name in enumerate(SCHEMA_ORDER)}
    ordered = dict(sorted(schemas.items(), key=lambda entry: (rank.get(entry[0], len(rank)), entry[0])))
    for name, schema in content_schemas().items():
        if name in ordered:
            raise ValueError(f"schema {name} is both a content-type schema and a service's")
        ordered[name] = schema
    return ordered


def error_responses() -> dict:
    return {
        name: {
            "description": ERROR_TEXT[name],
            "content": {JSON: {"schema": ref("Error")}},
        }
        for name in ERRORS.values()
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


@functools.cache
def _build() -> dict:
    modules = fragments()
    paths = fragment_paths(modules)
    ordered = dict(sorted(paths.items()))
    document = {
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
            "schemas": component_schemas(modules),
        },
    }
    # One copy of the whole: the fragments' constants stay untouched and objects they share stay shared.
    document = copy.deepcopy(document)
    for path, item in document["paths"].items():
        params = _path_params(path)
        if params:
            for operation in item.values():
                operation["parameters"] = params + operation.get("parameters", [])
    return document


def build(server_url: str | None = None) -> dict:
    """A fresh copy of the document; ``server_url`` replaces the example server."""
    document = copy.deepcopy(_build())
    if server_url:
        document["servers"] = [{"url": server_url}]
    return document
