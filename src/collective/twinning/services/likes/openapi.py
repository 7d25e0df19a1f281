"""OpenAPI fragment of @likes of posts and threads."""

from collective.twinning.content.post import IPost
from collective.twinning.content.thread import IThread
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE


def likes_paths(base: str) -> dict:
    likes = {
        "get": (
            "Likes of a {what} (members)",
            {"200": json_reply("How many, and whether the user likes it.", ref("Likes"))},
            AUTH,
        ),
        "post": ("Like a {what} (once)", {"200": json_reply("How many now.", ref("Likes"))}, AUTH),
        "delete": ("Take back a like", {"200": json_reply("How many now.", ref("Likes"))}, AUTH),
    }
    return {
        path: {
            method: operation(summary.format(what=what), ok, errors, "collaboration", ("@likes", interface))
            for method, (summary, ok, errors) in likes.items()
        }
        for path, interface, what in (
            (f"{base}/{{item}}/@likes", IPost, "post"),
            (f"{base}/{{item}}/{{thread}}/@likes", IThread, "thread"),
        )
    }


PATHS = {**likes_paths(SPACE), **likes_paths(GROUP)}

SCHEMAS = {
    "Likes": obj(
        {"count": {"type": "integer", "minimum": 0}, "liked": {"type": "boolean"}},
        required=("count", "liked"),
    ),
}
