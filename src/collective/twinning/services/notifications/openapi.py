"""OpenAPI fragment of @notifications: the current user's notifications."""

from collective.twinning.openapi.fragments import BATCH
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import NULLABLE_STRING
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from plone.base.interfaces import IPloneSiteRoot


SERVICE = ("@notifications", IPloneSiteRoot)

PATHS = {
    "/@notifications": {
        "get": operation(
            "The current user's notifications, unread first",
            {"200": json_reply("Newest first within unread, then read; batched.", ref("Notifications"))},
            ("400", "401"),
            "collaboration",
            SERVICE,
            query=BATCH,
        )
    },
    "/@notifications/read": {
        "post": operation(
            "Mark notifications read (all, or the given ids)",
            {"200": json_reply("What stays unread.", ref("Unread"))},
            ("400", "401"),
            "collaboration",
            SERVICE,
            body=body(ref("NotificationsRead"), required=False),
        )
    },
}

SCHEMAS = {
    "Notification": obj(
        {
            "id": string(),
            "kind": string(enum=["comment", "reply", "mention", "meeting", "lifecycle"]),
            "actor": NULLABLE_STRING,
            "title": string(),
            "url": string(),
            "uid": NULLABLE_STRING,
            "date": string(format="date-time"),
            "read": {"type": "boolean"},
        },
        required=("id", "kind", "title", "url", "date", "read"),
    ),
    "Notifications": obj(
        {
            "@id": string(),
            "items": {"type": "array", "items": ref("Notification")},
            "items_total": {"type": "integer", "minimum": 0},
            "unread": {"type": "integer", "minimum": 0},
        },
        required=("@id", "items", "items_total", "unread"),
    ),
    "NotificationsRead": obj(
        {"ids": {"type": "array", "items": string(), "maxItems": 500}},
        description="The ids to mark read; without ids, all.",
    ),
    "Unread": obj({"unread": {"type": "integer", "minimum": 0}}, required=("unread",)),
}
