"""OpenAPI fragment of @ambassadors: the eTwinning ambassadors of the validator's countries."""

from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import list_of
from collective.twinning.openapi.fragments import NO_CONTENT
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE
from plone.base.interfaces import IPloneSiteRoot


SERVICE = ("@ambassadors", IPloneSiteRoot)

PATHS = {
    "/@ambassadors": {
        "get": operation(
            "The ambassadors of the validator's countries",
            {"200": json_reply("Ambassadors.", list_of(ref("Ambassador")))},
            ("401", "403"),
            "recognition",
            SERVICE,
        ),
        "post": operation(
            "Name a validated teacher of one's country ambassador",
            {"201": json_reply("Named.", ref("Ambassador"))},
            WRITE,
            "recognition",
            SERVICE,
            body=body(ref("AmbassadorAdd")),
        ),
    },
    "/@ambassadors/{userid}": {
        "delete": operation(
            "Take the role back",
            NO_CONTENT,
            WRITE,
            "recognition",
            SERVICE,
        )
    },
}

SCHEMAS = {
    "Ambassador": obj(
        {"userid": string(), "fullname": string(), "country": {"type": ["string", "null"]}},
        required=("userid",),
    ),
    "AmbassadorAdd": obj({"user": string()}, required=("user",)),
}
