"""OpenAPI fragment of @validation: the checklist of a pending project and its decisions."""

from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import NULLABLE_STRING
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE


PATHS = {
    f"{SPACE}/@validation": {
        "get": operation(
            "The validation checklist",
            {"200": json_reply("The checklist.", ref("Checklist"))},
            AUTH,
            "validation",
            ("@validation", ITwinSpace),
        ),
        "post": operation(
            "Approve or reject the pending project",
            {"200": json_reply("The checklist.", ref("Checklist"))},
            WRITE,
            "validation",
            ("@validation", ITwinSpace),
            body=body(ref("ProjectDecision")),
        ),
    },
}

SCHEMAS = {
    "ValidationSlot": obj(
        {
            "kind": string(enum=["partner", "national"]),
            "user": string(description="The partner founder (kind partner)."),
            "country": string(description="The country whose validators decide (kind national)."),
            "decision": {"type": ["string", "null"], "enum": ["approve", "reject", None]},
            "by": NULLABLE_STRING,
            "date": NULLABLE_STRING,
            "comment": NULLABLE_STRING,
        },
        required=("kind", "decision", "by", "date", "comment"),
    ),
    "Checklist": obj(
        {
            "state": string(),
            "kind": string(enum=["european", "national"]),
            "required": {"type": "array", "items": ref("ValidationSlot")},
            "complete": {"type": "boolean"},
        },
        required=("state", "kind", "required", "complete"),
    ),
    "ProjectDecision": obj(
        {
            "decision": string(enum=["approve", "reject"]),
            "comment": string(description="Required to reject."),
        },
        required=("decision",),
    ),
}
