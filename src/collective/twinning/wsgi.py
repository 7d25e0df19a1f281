"""A WSGI filter of the instance (etc/zope.ini.in): malformed multipart bodies get a 400.

Zope parses a ``multipart/form-data`` body before publishing anything, and a
Content-Type without its ``boundary`` makes that parser fail with a KeyError,
which the client sees as a server error (found by the fuzzer, make fuzz).
"""

import json


MESSAGE = "Content-Type: multipart/form-data needs a boundary."


def multipart_needs_boundary(content_type: str) -> bool:
    """Whether ``content_type`` is multipart without a (non-empty) boundary parameter."""
    media_type, _, params = content_type.partition(";")
    if not media_type.strip().lower().startswith("multipart/"):
        return False
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "boundary" and value.strip().strip('"'):
            return False
    return True


def malformed_multipart(app):
    def middleware(environ, start_response):
        if multipart_needs_boundary(environ.get("CONTENT_TYPE", "")):
            body = json.dumps({"type": "BadRequest", "message": MESSAGE}).encode("utf-8")
            start_response(
                "400 Bad Request",
                [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
            )
            return [body]
        return app(environ, start_response)

    return middleware


def filter_factory(global_conf, **local_conf):
    """PasteDeploy entry (``use = call:collective.twinning.wsgi:filter_factory``)."""
    return malformed_multipart
