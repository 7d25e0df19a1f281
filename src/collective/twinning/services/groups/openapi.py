"""OpenAPI fragment of plone.restapi's @groups, which also sync the members' teacher profiles."""

from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import either_errors
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import NO_CONTENT
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE
from Products.CMFCore.interfaces import ISiteRoot


PATHS = {
    "/@groups": {
        "post": operation(
            "Create a group",
            {"201": json_reply("Created.", ref("Group")), **either_errors(("400", "401", "403"))},
            (),
            "users",
            ("@groups", ISiteRoot),
            body=body(ref("GroupAdd")),
            description="plone.restapi's @groups POST; the accounts added to a group holding "
            "Teacher get their teacher profiles.",
        )
    },
    "/@groups/{groupid}": {
        "patch": operation(
            "Change a group",
            {**NO_CONTENT, **either_errors(WRITE)},
            (),
            "users",
            ("@groups", ISiteRoot),
            body=body(ref("GroupChange")),
            description="plone.restapi's @groups PATCH; the members of a group whose roles or "
            "groups change have their teacher profiles shown or hidden.",
        ),
        "delete": operation(
            "Delete a group",
            {**NO_CONTENT, **either_errors(WRITE)},
            (),
            "users",
            ("@groups", ISiteRoot),
            description="plone.restapi's @groups DELETE; its members' teacher profiles are "
            "hidden unless they hold Teacher otherwise.",
        ),
    },
}

SCHEMAS = {
    "GroupChange": obj(
        {
            "title": string(),
            "description": string(),
            "roles": {"type": "array", "items": string()},
            "groups": {"type": "array", "items": string()},
            "users": {"type": "object", "additionalProperties": {"type": "boolean"}},
        },
        description="plone.restapi's @groups PATCH body; given roles or groups, the "
        "members' teacher profiles are synced.",
    ),
    "GroupAdd": obj(
        {
            "groupname": string(),
            "title": string(),
            "description": string(),
            "email": string(),
            "roles": {"type": "array", "items": string()},
            "groups": {"type": "array", "items": string()},
            "users": {"type": "array", "items": string()},
        },
        required=("groupname",),
        description="plone.restapi's @groups POST body; roles, groups and users must exist.",
    ),
    "Group": obj({"id": string(), "groupname": string()}, required=("id",)),
}
