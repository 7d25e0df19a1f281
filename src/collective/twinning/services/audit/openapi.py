"""OpenAPI fragment of @audit: the audit log of a space or a group, and the portal's."""

from collective.twinning.interfaces import IHasRoster
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import SPACE
from plone.base.interfaces import IPloneSiteRoot


def audit_query() -> list[dict]:
    """The batch parameters of the audit logs (up to 500 entries a page)."""
    return [
        {"name": "b_start", "in": "query", "schema": {"type": "integer", "minimum": 0}},
        {"name": "b_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
    ]


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

PATHS = {
    # Registered in services/users/configure.zcml (the portal's log is about accounts).
    "/@audit": {
        "get": operation(
            "The portal's audit log: changes of an account's country (from_country, to_country)",
            {"200": json_reply("Newest first, batched.", AUDIT_LOG)},
            ("400", "401", "403"),
            "users",
            ("@audit", IPloneSiteRoot),
            query=audit_query(),
        )
    },
    **{
        f"{base}/@audit": {
            "get": operation(
                "The audit log: roster changes, validation and label decisions, transitions",
                {"200": json_reply("Newest first, batched.", AUDIT_LOG)},
                ("400", "401", "403", "404"),
                tag,
                ("@audit", IHasRoster),
                query=audit_query(),
            ),
        }
        for base, tag in ((SPACE, "members"), (GROUP, "groups"))
    },
}
