"""OpenAPI fragment of @import: a space made from an @export archive."""

from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from plone.app.contenttypes.interfaces import IFolder


PATHS = {
    "/projects/@import": {
        "post": operation(
            "Import a space from an @export archive",
            {"201": json_reply("The new space.", ref("Imported"))},
            ("400", "401", "403", "404", "409"),
            "exchange",
            ("@import", IFolder),
            body={"required": True, "content": {"application/zip": {"schema": string(format="binary")}}},
        )
    },
}

SCHEMAS = {
    "Imported": obj({"@id": string(), "UID": string(), "title": string()}, required=("@id", "UID", "title")),
}
