"""OpenAPI fragment of @join of a group."""

from collective.twinning.content.group import IGroup
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref


PATHS = {
    f"{GROUP}/@join": {
        "post": operation(
            "Join the group",
            {
                "201": json_reply("Joined.", ref("Member")),
                "200": json_reply("Already a member.", ref("Member")),
            },
            AUTH,
            "groups",
            ("@join", IGroup),
        )
    },
}
