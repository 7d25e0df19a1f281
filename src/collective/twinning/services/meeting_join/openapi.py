"""OpenAPI fragment of @join of a meeting: the address of its room."""

from collective.twinning.content.meeting import IMeeting
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string


PATHS = {
    f"{base}/{{item}}/@join": {
        "get": operation(
            "The address of the meeting's room (invited members, from 15 minutes before it starts)",
            {"200": json_reply("The room.", ref("MeetingJoin"))},
            ("400", *AUTH),
            "collaboration",
            ("@join", IMeeting),
            description="400 (field start) says when it opens; 403 for those not invited.",
        )
    }
    for base in (SPACE, GROUP)
}

SCHEMAS = {
    "MeetingJoin": obj(
        {
            "url": string(format="uri"),
            "opens": string(format="date-time"),
            "closes": string(format="date-time"),
        },
        required=("url", "opens", "closes"),
        description="The room's address (with a signed token when the portal has a secret).",
    ),
}
