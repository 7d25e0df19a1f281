"""OpenAPI fragment of @ranking: the entries of a European Prizes round by mean score."""

from collective.twinning.content.prize_round import IPrizeRound
from collective.twinning.openapi.fragments import AUTH
from collective.twinning.openapi.fragments import CALL
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string


PATHS = {
    f"{CALL}/@ranking": {
        "get": operation(
            "The entries of each category by mean score; ties share a rank",
            {"200": json_reply("Per category.", ref("PrizeRanking"))},
            AUTH,
            "recognition",
            ("@ranking", IPrizeRound),
        )
    },
}

SCHEMAS = {
    "PrizeRanking": {
        "type": "array",
        "items": obj(
            {
                "category": string(),
                "entries": {
                    "type": "array",
                    "items": obj(
                        {
                            "rank": {"type": ["integer", "null"]},
                            "score": {"type": ["number", "null"]},
                            "jurors_scored": {"type": "integer"},
                            "entry": string(),
                            "entry_id": string(),
                            "project_uid": string(),
                            "project_title": {"type": ["string", "null"]},
                            "country": {"type": ["string", "null"]},
                            "winner": {"type": "boolean"},
                        }
                    ),
                },
            }
        ),
    },
}
