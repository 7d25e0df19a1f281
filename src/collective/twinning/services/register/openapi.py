"""OpenAPI fragment of @register: a seat, or a place in the waiting list, of a learning event."""

from collective.twinning.content.learning_event import ILearningEvent
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import EVENT
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import WRITE


SERVICE = ("@register", ILearningEvent)

PATHS = {
    f"{EVENT}/@register": {
        "get": operation(
            "The user's registration",
            {"200": json_reply("Status.", ref("Registration"))},
            AUTH,
            "recognition",
            SERVICE,
        ),
        "post": operation(
            "Register: a seat, or a place in the waiting list",
            {
                "201": json_reply("Registered or waiting.", ref("Registration")),
                "200": json_reply("Already registered.", ref("Registration")),
            },
            WRITE,
            "recognition",
            SERVICE,
        ),
        "delete": operation(
            "Unregister; the first waiting takes the seat",
            {"200": json_reply("Status.", ref("Registration"))},
            WRITE,
            "recognition",
            SERVICE,
        ),
    },
}

SCHEMAS = {
    "Registration": obj(
        {
            "status": {"type": ["string", "null"], "enum": ["registered", "waiting", None]},
            "position": {"type": ["integer", "null"]},
            "capacity": {"type": "integer"},
            "registered": {"type": "integer"},
            "waiting": {"type": "integer"},
            "completed": {"type": "boolean"},
        }
    ),
}
