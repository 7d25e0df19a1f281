"""OpenAPI fragment of @twinning-stats: counts of the validator's countries."""

from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from plone.base.interfaces import IPloneSiteRoot


PATHS = {
    "/@twinning-stats": {
        "get": operation(
            "Statistics of the validator's countries",
            {"200": json_reply("Counts.", ref("Statistics"))},
            ("401", "403"),
            "reports",
            ("@twinning-stats", IPloneSiteRoot),
        )
    },
}

SCHEMAS = {
    "Statistics": obj(
        {
            "countries": {
                "type": ["array", "null"],
                "items": string(),
                "description": "The countries counted (null: all, for administrators).",
            },
            "projects": obj(
                {"total": {"type": "integer", "minimum": 0}, "by_state_and_country": {"type": "object"}},
                required=("total", "by_state_and_country"),
            ),
            "mobilities": obj(
                {
                    "total": {"type": "integer", "minimum": 0},
                    "by_key_action": {"type": "object"},
                    "by_activity_type": {"type": "object"},
                    "by_status": {"type": "object"},
                },
                required=("total", "by_key_action", "by_activity_type", "by_status"),
            ),
            "participants": {"type": "object"},
            "labels": {"type": "object"},
        },
        required=("countries", "projects", "mobilities", "participants", "labels"),
    ),
}
