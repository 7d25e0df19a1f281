"""OpenAPI fragment of @audit of a space or a group (the portal's @audit is in services/users)."""

from collective.twinning.interfaces import IHasRoster
from collective.twinning.openapi.fragments import AUDIT_LOG
from collective.twinning.openapi.fragments import audit_query
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import SPACE


PATHS = {
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
}
