"""OpenAPI fragment of @poll: a poll of a space or a group, answered once."""

from collective.twinning.content.poll import IPoll
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE


PATHS = {
    f"{base}/{{item}}/@poll": {
        "get": operation(
            "The poll, the user's answer and (once answered) the results",
            {"200": json_reply("The poll.", ref("PollState"))},
            AUTH,
            "collaboration",
            ("@poll", IPoll),
        ),
        "post": operation(
            "Answer the poll (once)",
            {"200": json_reply("The poll with its results.", ref("PollState"))},
            WRITE,
            "collaboration",
            ("@poll", IPoll),
            body=body(ref("PollAnswer")),
        ),
    }
    for base in (SPACE, GROUP)
}

SCHEMAS = {
    "PollState": obj(
        {
            "question": string(),
            "options": {"type": "array", "items": string()},
            "answer": {"type": ["integer", "null"]},
            "answers_total": {"type": "integer", "minimum": 0},
            "results": {
                "type": ["array", "null"],
                "items": obj(
                    {"option": string(), "count": {"type": "integer"}}, required=("option", "count")
                ),
                "description": "Once answered (the place's teachers see them at once).",
            },
            "open": {"type": "boolean"},
        },
        required=("question", "options", "answer", "answers_total", "results", "open"),
    ),
    "PollAnswer": obj({"option": {"type": "integer", "minimum": 0, "maximum": 9}}, required=("option",)),
}
