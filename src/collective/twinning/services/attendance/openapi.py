"""OpenAPI fragment of @attendance: who registered for a learning event, and who completed it."""

from collective.twinning.content.learning_event import ILearningEvent
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import EVENT
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE


SERVICE = ("@attendance", ILearningEvent)

PATHS = {
    f"{EVENT}/@attendance": {
        "get": operation(
            "Who registered and waits (organisers)",
            {"200": json_reply("Attendance.", ref("Attendance"))},
            AUTH,
            "recognition",
            SERVICE,
        ),
        "post": operation(
            "Mark who completed the event (organisers, once it started)",
            {"200": json_reply("Attendance.", ref("Attendance"))},
            WRITE,
            "recognition",
            SERVICE,
            body=body(ref("AttendanceInput")),
        ),
    },
}

PERSON = obj({"userid": string(), "fullname": string(), "completed": {"type": "boolean"}})

SCHEMAS = {
    "Attendance": obj(
        {
            "capacity": {"type": "integer"},
            "registered": {"type": "array", "items": PERSON},
            "waiting": {"type": "array", "items": PERSON},
        }
    ),
    "AttendanceInput": obj(
        {
            "completed": {"type": "array", "items": string()},
            "not_completed": {"type": "array", "items": string()},
        }
    ),
}
