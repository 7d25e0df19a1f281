"""OpenAPI fragment of plone.restapi's @users with the add-on's checks."""

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
    "/@users": {
        "post": operation(
            "Register (anonymous) or create an account",
            {"201": json_reply("Created.", ref("User")), **either_errors(("400", "401", "403"))},
            (),
            "users",
            ("@users", ISiteRoot),
            body=body(ref("UserAdd")),
            description="plone.restapi's @users POST; a self-registering teacher must give country.",
        )
    },
    "/@users/{userid}": {
        "patch": operation(
            "Change an account",
            {**NO_CONTENT, "200": json_reply("Changed.", ref("User")), **either_errors(WRITE)},
            (),
            "users",
            ("@users", ISiteRoot),
            body=body(ref("UserChange")),
        )
    },
}

SCHEMAS = {
    "UserAdd": obj(
        {
            "username": string(),
            "email": string(format="email"),
            "password": string(),
            "fullname": string(),
            "country": string(
                description="ISO 3166-1 alpha-2 code of one of the portal's countries; "
                "required when registering oneself.",
                **{"x-vocabulary": "collective.twinning.vocabularies.Countries"},
            ),
            "roles": {"type": "array", "items": string()},
            "sendPasswordReset": {"type": "boolean"},
        },
        description="plone.restapi's @users body, with the country checked.",
    ),
    "UserChange": obj(
        {
            "email": string(format="email"),
            "fullname": string(),
            "country": string(**{"x-vocabulary": "collective.twinning.vocabularies.Countries"}),
        },
        description="plone.restapi's @users PATCH body; country, when given, must be valid and "
        "changes only by an administrator (or, for a pending account, a national validator of "
        "its country, sending country alone); pupil_of never changes.",
    ),
    "User": obj({"id": string(), "username": string()}, required=("id",)),
}
