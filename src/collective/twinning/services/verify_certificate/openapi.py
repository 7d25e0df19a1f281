"""OpenAPI fragment of @verify-certificate: whether a certificate is genuine (public)."""

from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.services.certificates.openapi import CERTIFICATE
from plone.base.interfaces import IPloneSiteRoot


PATHS = {
    "/@verify-certificate/{code}": {
        "get": operation(
            "Whether a certificate is genuine, and what it says (public)",
            {"200": json_reply("Valid or not.", ref("CertificateCheck"))},
            ("400",),
            "recognition",
            ("@verify-certificate", IPloneSiteRoot),
        )
    },
}

SCHEMAS = {
    "CertificateCheck": obj({"valid": {"type": "boolean"}, **CERTIFICATE["properties"]}, required=("valid",)),
}
