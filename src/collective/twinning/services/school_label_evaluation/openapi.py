"""OpenAPI fragment of @evaluation of a School label application."""

from collective.twinning.content.school_label_application import ISchoolLabelApplication
from collective.twinning.content.school_label_application import STATEMENTS
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


SERVICE = ("@evaluation", ISchoolLabelApplication)

PATHS = {
    f"{CALL}/{{application}}/@evaluation": {
        "get": operation(
            "The evaluation of a School label application",
            {"200": json_reply("State and evaluation.", ref("SchoolLabelEvaluation"))},
            AUTH,
            "recognition",
            SERVICE,
        ),
        "post": operation(
            "Score, and award or reject, a submitted application (validators of the school's country)",
            {"200": json_reply("State and evaluation.", ref("SchoolLabelEvaluation"))},
            WRITE,
            "recognition",
            SERVICE,
            body=body(ref("SchoolLabelEvaluationInput")),
        ),
    },
}

SCHEMAS = {
    "SchoolLabelEvaluationInput": obj(
        {
            "scores": scores(STATEMENTS),
            "comment": string(),
            "decision": string(enum=["award", "reject"]),
        },
        required=("scores", "comment"),
    ),
    "SchoolLabelEvaluation": obj(
        {
            "state": string(),
            "evaluation": {"type": ["object", "null"]},
            "awarded_until": {"type": ["string", "null"]},
        }
    ),
}
