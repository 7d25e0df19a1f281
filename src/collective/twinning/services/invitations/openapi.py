"""OpenAPI fragment of @invitations of a group."""

from collective.twinning.content.group import IGroup
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import ID
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import list_of
from collective.twinning.openapi.fragments import NO_CONTENT
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE


SERVICE = ("@invitations", IGroup)

PATHS = {
    f"{GROUP}/@invitations": {
        "get": operation(
            "Pending invitations",
            {"200": json_reply("The invitations.", list_of(ref("Invitation")))},
            AUTH,
            "groups",
            SERVICE,
        ),
        "post": operation(
            "Invite an account (mailed)",
            {"201": json_reply("Invited.", ref("Invitation"))},
            WRITE,
            "groups",
            SERVICE,
            body=body(ref("InvitationAdd")),
        ),
    },
    f"{GROUP}/@invitations/{{userid}}": {
        "delete": operation("Withdraw an invitation", NO_CONTENT, WRITE, "groups", SERVICE),
    },
}

SCHEMAS = {
    "Invitation": obj({"id": string(), "by": string(), "date": string()}, required=("id", "by", "date")),
    "InvitationAdd": obj({"user": ID}, required=("user",)),
}
