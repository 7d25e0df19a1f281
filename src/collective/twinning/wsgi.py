"""A WSGI filter of the instance (etc/zope.ini.in) for two malformed requests Zope answers with 500.

- Zope parses a ``multipart/form-data`` body before publishing anything, and a
  Content-Type without its ``boundary`` makes that parser fail (KeyError): 400.
- ZPublisher.utils.basic_auth_decode fails on ``Authorization: Basic`` credentials
  that are no base64, no UTF-8 or have no colon (ValueError): 401, as for wrong ones.
- Zope fails on HTTP methods it does not know (e.g. QUERY): 405. TRACE too: nothing here
  serves it, and a download's fallback view made Zope answer it with 500.

Both were found by the fuzzer (make fuzz).
"""

import base64
import json


MESSAGE = "Content-Type: multipart/form-data needs a boundary."
BAD_CREDENTIALS = "Authorization: malformed basic credentials."
# HTTP and the WebDAV methods Zope publishes.
METHODS = (
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "OPTIONS",
    "PROPFIND",
    "PROPPATCH",
    "MKCOL",
    "COPY",
    "MOVE",
    "LOCK",
    "UNLOCK",
)


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


def malformed_basic_auth(authorization: str) -> bool:
    """Whether Zope would fail to decode these Basic credentials (as ZPublisher.utils reads them)."""
    if authorization[:6].lower() != "basic ":
        return False
    try:
        plain = base64.b64decode(authorization.split()[-1]).decode()
    except ValueError:  # binascii.Error and UnicodeDecodeError are ValueErrors
        return True
    return ":" not in plain


def _error(start_response, status: str, kind: str, message: str, headers=()):
    body = json.dumps({"type": kind, "message": message}).encode("utf-8")
    start_response(
        status,
        [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *headers],
    )
    return [body]


def malformed_requests(app):
    def middleware(environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in METHODS:
            return _error(
                start_response,
                "405 Method Not Allowed",
                "MethodNotAllowed",
                f"Method {method[:20]} is not supported.",
                [("Allow", ", ".join(METHODS))],
            )
        if multipart_needs_boundary(environ.get("CONTENT_TYPE", "")):
            return _error(start_response, "400 Bad Request", "BadRequest", MESSAGE)
        if malformed_basic_auth(environ.get("HTTP_AUTHORIZATION", "")):
            return _error(
                start_response,
                "401 Unauthorized",
                "Unauthorized",
                BAD_CREDENTIALS,
                [("WWW-Authenticate", 'Basic realm="Zope"')],
            )
        return app(environ, start_response)

    return middleware


def filter_factory(global_conf, **local_conf):
    """PasteDeploy entry (``use = call:collective.twinning.wsgi:filter_factory``)."""
    return malformed_requests
