"""OpenAPI fragment of @evaluation of a Quality Label application."""

from collective.twinning.content.quality_label import CRITERIA
from collective.twinning.content.quality_label import IQualityLabel
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


SERVICE = ("@evaluation", IQualityLabel)

PATHS = {
    f"{SPACE}/{{label}}/@evaluation": {
        "get": operation(
            "The evaluation of a Quality Label application",
            {"200": json_reply("State and evaluation.", ref("LabelEvaluation"))},
            AUTH,
            "labels",
            SERVICE,
        ),
        "post": operation(
            "Score, and award or reject, a submitted application",
            {"200": json_reply("State and evaluation.", ref("LabelEvaluation"))},
            WRITE,
            "labels",
            SERVICE,
            body=body(ref("EvaluationInput")),
        ),
    },
}

SCHEMAS = {
    "CriteriaScores": obj(
        {name: {"type": "integer", "minimum": 0, "maximum": 10} for name in CRITERIA},
        required=CRITERIA,
        description="A score from 0 to 10 per criterion (5 or more on each to award).",
        extra=False,
    ),
    "Evaluation": obj(
        {
            "scores": obj({name: {"type": "integer"} for name in CRITERIA}),
            "comment": string(),
            "by": string(),
            "date": string(),
        },
        required=("scores", "comment", "by", "date"),
    ),
    "LabelEvaluation": obj(
        {
            "state": string(),
            "level": string(),
            "applicant": string(),
            "applicant_country": NULLABLE_STRING,
            "evaluation": {"oneOf": [{"type": "null"}, ref("Evaluation")]},
        },
        required=("state", "level", "applicant", "applicant_country", "evaluation"),
    ),
    "EvaluationInput": obj(
        {
            "scores": ref("CriteriaScores"),
            "comment": string(minLength=1, description="Required (kept from the last evaluation)."),
            "decision": string(enum=["award", "reject"], description="Left out: scores only."),
        },
    ),
}
