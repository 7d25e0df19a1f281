"""Builders shared by the OpenAPI fragments beside the services (``services/<endpoint>/openapi.py``).

A fragment exposes ``PATHS`` (path -> method -> operation) and, when its
service has its own component schemas, ``SCHEMAS``; ``openapi.document``
assembles them. Constants here are shared objects on purpose: the YAML
document writes each shared object once (an anchor) and refers to it.
"""

JSON = "application/json"

SPACE = "/projects/{space}"
GROUP = "/groups/{group}"
EVENT = "/learning/{event}"
CALL = "/recognition/{call}"  # School label calls and prize rounds share /recognition

AUTH = ("401", "403", "404")
WRITE = ("400", "401", "403", "404")

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


def dotted(interface) -> str:
    return f"{interface.__module__}.{interface.__name__}"


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def string(**extra) -> dict:
    return {"type": "string", **extra}


NULLABLE_STRING = {"type": ["string", "null"]}
ID = string(pattern=r"^[^/]+$", minLength=1)


def obj(properties: dict, required=(), description: str = "", extra: bool = True) -> dict:
    """A JSON object schema; ``extra=False`` refuses other properties."""
    schema = {"type": "object"}
    if description:
        schema["description"] = description
    schema["properties"] = properties
    if required:
        schema["required"] = list(required)
    if not extra:
        schema["additionalProperties"] = False
    return schema


def list_of(item: dict) -> dict:
    return obj(
        {"items": {"type": "array", "items": item}, "items_total": {"type": "integer", "minimum": 0}},
        required=("items", "items_total"),
    )


def json_reply(description: str, schema: dict) -> dict:
    """A response with a JSON body."""
    return {"description": description, "content": {JSON: {"schema": schema}}}


def binary(description: str, media: str) -> dict:
    """A response with a file of the given media type."""
    return {"description": description, "content": {media: {"schema": string(format="binary")}}}


NO_CONTENT = {"204": {"description": "Done; no body."}}


def either_errors(codes: tuple[str, ...]) -> dict:
    """plone.restapi's @users and content services answer both error bodies: Error and WrappedError."""
    schema = {"anyOf": [ref("Error"), ref("WrappedError")]}
    return {
        code: {"description": ERROR_TEXT[ERRORS[code]], "content": {JSON: {"schema": schema}}}
        for code in codes
    }


def body(schema: dict, required: bool = True) -> dict:
    return {"required": required, "content": {JSON: {"schema": schema}}}


def operation(
    summary: str,
    ok: dict,
    errors: tuple[str, ...],
    tag: str,
    service: tuple[str, object] | None = None,
    body: dict | None = None,
    query: list | None = None,
    description: str = "",
) -> dict:
    """One operation; ``service`` (name, context interface) ties it to a registered service."""
    result = {"tags": [tag], "summary": summary}
    if description:
        result["description"] = description
    if query:
        result["parameters"] = query
    if body is not None:
        result["requestBody"] = body
    responses = dict(ok)
    for code in errors:
        responses[code] = {"$ref": f"#/components/responses/{ERRORS[code]}"}
    result["responses"] = responses
    if service is not None:
        name, interface = service
        result["x-twinning-service"] = {"name": name, "for": dotted(interface)}
    return result


BATCH = [
    {"name": "b_start", "in": "query", "schema": {"type": "integer", "minimum": 0}},
    {"name": "b_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
]


def scores(names) -> dict:
    """Scores from 0 to 10, one per name, all of them and nothing else."""
    return {
        "type": "object",
        "properties": {name: {"type": "integer", "minimum": 0, "maximum": 10} for name in names},
        "required": list(names),
        "additionalProperties": False,
    }
