"""OpenAPI fragment of @teacher-requests: validators decide pending teacher accounts."""

from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import list_of
from collective.twinning.openapi.fragments import NULLABLE_STRING
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE
from plone.base.interfaces import IPloneSiteRoot


SERVICE = ("@teacher-requests", IPloneSiteRoot)

PATHS = {
    "/@teacher-requests": {
        "get": operation(
            "Pending teacher accounts of the validator's countries",
            {"200": json_reply("Oldest first.", list_of(ref("TeacherRequest")))},
            ("401", "403"),
            "teachers",
            SERVICE,
        )
    },
    "/@teacher-requests/{userid}": {
        "post": operation(
            "Approve or reject a teacher account",
            {"200": json_reply("Decided.", ref("TeacherDecided"))},
            WRITE,
            "teachers",
            SERVICE,
            body=body(ref("TeacherDecision")),
        )
    },
}

SCHEMAS = {
    "TeacherRequest": obj(
        {"id": string(), "fullname": string(), "country": NULLABLE_STRING, "requested": string()},
        required=("id", "fullname", "country", "requested"),
    ),
    "TeacherDecision": obj(
        {"decision": string(enum=["approve", "reject"]), "comment": string()},
        required=("decision",),
    ),
    "TeacherDecided": obj(
        {
            "id": string(),
            "status": string(),
            "requested": string(),
            "decided_by": string(),
            "decided": string(),
            "comment": string(),
        },
        required=("id", "status", "decided_by", "decided", "comment"),
    ),
}
