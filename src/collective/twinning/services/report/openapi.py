"""OpenAPI fragment of @report: the project report, as JSON or as a CSV mobility table."""

from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.openapi.fragments import JSON
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string


PATHS = {
    f"{SPACE}/@report": {
        "get": operation(
            "The project report",
            {
                "200": {
                    "description": "JSON, or the mobility table as CSV (format=csv).",
                    "content": {JSON: {"schema": ref("ProjectReport")}, "text/csv": {"schema": string()}},
                }
            },
            ("400", "401", "403", "404"),
            "reports",
            ("@report", ITwinSpace),
            query=[{"name": "format", "in": "query", "schema": string(enum=["json", "csv"])}],
        )
    },
}

TOTALS = ("mobilities", "participants_staff", "participants_pupils", "accompanying_persons")

SCHEMAS = {
    "ProjectReport": obj(
        {
            "project": {"type": "object"},
            "state_history": {"type": "array", "items": {"type": "object"}},
            "members": {"type": "object", "description": "The members by kind (adults, pupils)."},
            "content": {"type": "array", "items": {"type": "object"}},
            "mobilities": {"type": "array", "items": {"type": "object"}},
            "mobility_totals": obj(
                {name: {"type": "integer", "minimum": 0} for name in TOTALS},
                required=TOTALS,
            ),
            "labels": {"type": "array", "items": {"type": "object"}},
            "generated": string(format="date-time"),
        },
        required=(
            "project",
            "state_history",
            "members",
            "content",
            "mobilities",
            "mobility_totals",
            "labels",
            "generated",
        ),
    ),
}
