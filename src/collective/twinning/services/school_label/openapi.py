"""OpenAPI fragment of @school-label: a school's eligibility for the eTwinning School label."""

from collective.twinning.content.organisation import IOrganisation
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string


PATHS = {
    "/organisations/{organisation}/@school-label": {
        "get": operation(
            "The school's eligibility for the eTwinning School label, each criterion and why not",
            {"200": json_reply("Eligibility and the label held.", ref("SchoolLabelEligibility"))},
            ("400", "401", "404"),
            "recognition",
            ("@school-label", IOrganisation),
            query=[{"name": "call", "in": "query", "schema": string()}],
        )
    },
}

CRITERION = obj(
    {
        "name": string(enum=["registered", "active_teachers", "national_quality_label"]),
        "value": {},
        "required": {},
        "met": {"type": "boolean"},
        "reason": {"type": ["string", "null"]},
    },
    required=("name", "met", "reason"),
)

SCHEMAS = {
    "SchoolLabelEligibility": obj(
        {
            "@id": string(),
            "eligible": {"type": "boolean"},
            "reference_date": string(),
            "call": {"type": ["object", "null"]},
            "criteria": {"type": "array", "items": CRITERION},
            "reasons": {"type": "array", "items": {"type": "string"}},
            "awarded_until": {"type": ["string", "null"]},
            "school_years": {"type": "array", "items": {"type": "string"}},
        },
        required=("eligible", "criteria", "reasons"),
    ),
}
