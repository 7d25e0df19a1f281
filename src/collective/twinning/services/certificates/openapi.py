"""OpenAPI fragment of @certificates: the user's certificates, as JSON or as a zip of PDFs."""

from collective.twinning.openapi.fragments import list_of
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from plone.base.interfaces import IPloneSiteRoot


PATHS = {
    "/@certificates": {
        "get": operation(
            "The user's certificates (JSON), or every PDF in a zip (format=zip)",
            {
                "200": {
                    "description": "The list or the archive.",
                    "content": {
                        "application/json": {"schema": ref("Certificates")},
                        "application/zip": {"schema": string(format="binary")},
                    },
                }
            },
            ("400", "401"),
            "recognition",
            ("@certificates", IPloneSiteRoot),
            query=[{"name": "format", "in": "query", "schema": string(enum=["json", "zip"])}],
        )
    },
}

# What a certificate says; @verify-certificate answers the same properties.
CERTIFICATE = obj(
    {
        "code": string(),
        "name": string(),
        "event": string(),
        "event_url": {"type": ["string", "null"]},
        "kind": string(),
        "kind_title": string(),
        "hours": {"type": "integer"},
        "date": string(),
        "verify_url": string(),
        "pdf_url": {"type": ["string", "null"]},
    },
    required=("code", "name", "event", "hours"),
)

SCHEMAS = {
    "Certificates": list_of(CERTIFICATE),
}
