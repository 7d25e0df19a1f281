"""OpenAPI fragment of @members: the roster of a space or a group."""

from collective.twinning.interfaces import IHasRoster
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import ID
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import list_of
from collective.twinning.openapi.fragments import NO_CONTENT
from collective.twinning.openapi.fragments import NULLABLE_STRING
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE


SERVICE = ("@members", IHasRoster)


def roster_paths(base: str, tag: str) -> dict:
    return {
        f"{base}/@members": {
            "get": operation(
                "The members and their roles",
                {"200": json_reply("The members.", list_of(ref("MemberEntry")))},
                AUTH,
                tag,
                SERVICE,
            ),
            "post": operation(
                "Add a member",
                {"201": json_reply("Added.", ref("Member"))},
                WRITE,
                tag,
                SERVICE,
                body=body(ref("MemberAdd")),
            ),
        },
        f"{base}/@members/{{userid}}": {
            "patch": operation(
                "Change a member's role",
                {"200": json_reply("Changed.", ref("Member"))},
                WRITE,
                tag,
                SERVICE,
                body=body(ref("RoleChange")),
            ),
            "delete": operation("Remove a member", NO_CONTENT, WRITE, tag, SERVICE),
        },
    }


PATHS = {**roster_paths(SPACE, "members"), **roster_paths(GROUP, "groups")}

SCHEMAS = {
    "Member": obj({"id": string(), "role": string()}, required=("id", "role")),
    "MemberEntry": obj(
        {
            "id": string(),
            "fullname": string(description="First name only when a pupil asks."),
            "role": string(),
            "country": NULLABLE_STRING,
        },
        required=("id", "fullname", "role", "country"),
    ),
    "MemberAdd": obj(
        {"user": ID, "role": string(description="A role of the roster (400 names the allowed ones).")},
        required=("user", "role"),
    ),
    "RoleChange": obj({"role": string()}, required=("role",)),
}
