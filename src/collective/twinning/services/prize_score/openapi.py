"""OpenAPI fragment of @score: a juror's scores of a European Prizes entry."""

from collective.twinning.content.prize_entry import IPrizeEntry
from collective.twinning.content.quality_label import CRITERIA
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import CALL
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import scores
from collective.twinning.openapi.fragments import string
from collective.twinning.openapi.fragments import WRITE


PATHS = {
    f"{CALL}/{{entry}}/@score": {
        "get": operation(
            "The juror's own scores of an entry",
            {"200": json_reply("Scores.", ref("PrizeScore"))},
            AUTH,
            "recognition",
            ("@score", IPrizeEntry),
        ),
        "post": operation(
            "Score an entry (the round's jury, while judging; not one's own project)",
            {"200": json_reply("Scores.", ref("PrizeScore"))},
            WRITE,
            "recognition",
            ("@score", IPrizeEntry),
            body=body(ref("PrizeScoreInput")),
        ),
    },
}

SCHEMAS = {
    "PrizeScoreInput": obj({"scores": scores(CRITERIA), "comment": string()}, required=("scores",)),
    "PrizeScore": obj(
        {
            "scores": {"type": ["object", "null"]},
            "comment": {"type": ["string", "null"]},
            "jurors_scored": {"type": "integer"},
            "category": {"type": ["string", "null"]},
        }
    ),
}
