"""OpenAPI fragment of @activity: the newest events of a space or a group."""

from collective.twinning.interfaces import IHasRoster
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import BATCH
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import NULLABLE_STRING
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string


PATHS = {
    f"{base}/@activity": {
        "get": operation(
            "The newest events of the place the user may see",
            {"200": json_reply("Newest first, batched.", ref("Activity"))},
            ("400", *AUTH),
            "collaboration",
            ("@activity", IHasRoster),
            query=BATCH,
        )
    }
    for base in (SPACE, GROUP)
}

SCHEMAS = {
    "ActivityItem": obj(
        {
            "kind": string(
                enum=[
                    "post",
                    "comment",
                    "thread",
                    "reply",
                    "forum",
                    "page",
                    "material",
                    "meeting",
                    "poll",
                    "member_joined",
                    "state_change",
                ]
            ),
            "actor": NULLABLE_STRING,
            "date": string(format="date-time"),
            "title": string(),
            "url": string(),
        },
        required=("kind", "actor", "date", "title", "url"),
    ),
    "Activity": obj(
        {
            "@id": string(),
            "items": {"type": "array", "items": ref("ActivityItem")},
            "items_total": {"type": "integer", "minimum": 0},
        },
        required=("@id", "items", "items_total"),
    ),
}
