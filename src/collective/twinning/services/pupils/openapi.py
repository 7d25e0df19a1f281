"""OpenAPI fragment of @pupils: the pupil accounts of a space."""

from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import list_of
from collective.twinning.openapi.fragments import NO_CONTENT
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE


SERVICE = ("@pupils", ITwinSpace)

PATHS = {
    f"{SPACE}/@pupils": {
        "get": operation(
            "The pupil accounts of the space",
            {"200": json_reply("The pupils.", list_of(ref("Pupil")))},
            AUTH,
            "pupils",
            SERVICE,
        ),
        "post": operation(
            "Create a pupil account in the space",
            {"201": json_reply("Created.", ref("Pupil"))},
            WRITE,
            "pupils",
            SERVICE,
            body=body(ref("PupilAdd")),
        ),
    },
    f"{SPACE}/@pupils/{{userid}}": {
        "delete": operation("Delete a pupil account", NO_CONTENT, WRITE, "pupils", SERVICE),
    },
}

SCHEMAS = {
    "Pupil": obj({"id": string(), "fullname": string()}, required=("id", "fullname")),
    "PupilAdd": obj(
        {"username": string(minLength=1), "fullname": string(minLength=1), "password": string(minLength=1)},
        required=("username", "fullname", "password"),
    ),
}
