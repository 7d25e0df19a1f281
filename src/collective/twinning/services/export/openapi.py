"""OpenAPI fragment of @export: the space as a zip archive."""

from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string


PATHS = {
    f"{SPACE}/@export": {
        "get": operation(
            "The space as a zip archive",
            {
                "200": {
                    "description": "The archive.",
                    "content": {"application/zip": {"schema": string(format="binary")}},
                }
            },
            AUTH,
            "exchange",
            ("@export", ITwinSpace),
        )
    },
}
