"""OpenAPI fragment of @twinning-openapi: the document itself."""

from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from Products.CMFCore.interfaces import ISiteRoot


PATHS = {
    "/@twinning-openapi": {
        "get": operation(
            "This document",
            {"200": json_reply("The OpenAPI document.", ref("OpenAPIDocument"))},
            ("401",),
            "meta",
            ("@twinning-openapi", ISiteRoot),
            description="Public. 401 only for malformed credentials.",
        )
    },
}

SCHEMAS = {
    "OpenAPIDocument": obj({"openapi": string(), "paths": {"type": "object"}}, required=("openapi", "paths")),
}
