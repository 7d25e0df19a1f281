"""A REST write with a body must say it is JSON (or what its service documents).

A page on another site can make a browser POST a form to the portal without
asking first (no CORS preflight) only as ``text/plain``,
``application/x-www-form-urlencoded`` or ``multipart/form-data``; plone.restapi
reads the body as JSON whatever the request says it is. So every POST, PATCH,
PUT and DELETE with a body to a plone.restapi service of the site, stock or the
add-on's, must come as ``application/json`` (or a ``+json`` type), except the
media types a service documents for its body (``DOCUMENTED``). Checked once, when
the service is found (IPubAfterTraversal: the published object is a plone.rest
service), before anything is read or written.
"""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.interfaces import IBrowserLayer
from plone.rest.service import Service


WRITES = frozenset({"POST", "PATCH", "PUT", "DELETE"})
JSON = "application/json"
# Service name -> the other media types its body may have.
DOCUMENTED = {
    "@users": ("multipart/form-data",),  # plone.restapi: accounts from a CSV file
    "@aliases": ("multipart/form-data",),  # plone.restapi: redirects from a CSV file
    "@import": ("application/zip",),  # the add-on: a space's archive
    "@tus-upload": ("application/offset+octet-stream",),  # tus: a file's chunks
}


def media_type(request) -> str:
    return (request.getHeader("Content-Type") or "").split(";")[0].strip().lower()


def service_name(request) -> str | None:
    """The name of the service the URL calls: its last ``@name`` step."""
    names = [step for step in request.steps if step.startswith("@")]
    return names[-1] if names else None


def has_body(request) -> bool:
    environ = request.environ
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 1
    return length > 0 or bool(environ.get("HTTP_TRANSFER_ENCODING"))


def accepts(request) -> bool:
    kind = media_type(request)
    return kind == JSON or kind.endswith("+json") or kind in DOCUMENTED.get(service_name(request), ())


def require_json_writes(event) -> None:
    request = event.request
    if not (IBrowserLayer.providedBy(request) and isinstance(request.get("PUBLISHED"), Service)):
        return
    if request.get("REQUEST_METHOD") not in WRITES or not has_body(request) or accepts(request):
        return
    raise FieldError(
        "Content-Type",
        _(
            "Send the body as application/json (Content-Type), not ${kind}.",
            mapping={"kind": media_type(request) or "nothing"},
        ),
    )
