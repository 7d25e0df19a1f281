"""Downloads answer their own media type to any client that accepts it (``@export``, ``@report?format=csv``).

plone.rest hands a request to a service only when its Accept header names
exactly one media type registered for it; a download is also registered as a
plain view of the same name, which Zope finds for every other request (no
Accept header, ``*/*``, a browser's list). That view answers the download when
the Accept header allows its type (or ``application/json``, which REST clients
send for everything) and 406 when the header excludes it.
"""

ANY = "*/*"
JSON = "application/json"


def _ranges(header: str):
    """(media range, quality) of each part of an Accept header."""
    for part in header.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            yield media.lower(), quality


def quality(header: str, media_type: str) -> float:
    """How much the header wants ``media_type``: the quality of its most specific matching range."""
    family = media_type.split("/")[0] + "/*"
    specificity, found = -1, 0.0
    for media, value in _ranges(header):
        rank = {media_type: 2, family: 1, ANY: 0}.get(media, -1)
        if rank > specificity:
            specificity, found = rank, value
    return found


def acceptable(request, media_type: str) -> bool:
    """Whether the request lets us answer ``media_type`` (no Accept header: anything goes)."""
    header = (request.getHeader("Accept") or "").strip()
    if not header:
        return True
    return quality(header, media_type) > 0 or any(media == JSON and q > 0 for media, q in _ranges(header))


def asks_for(request, media_type: str) -> bool:
    """Whether the Accept header names ``media_type`` itself (not through a wildcard)."""
    return any(media == media_type and q > 0 for media, q in _ranges(request.getHeader("Accept") or ""))


def not_acceptable(request, media_type: str) -> str:
    """406 with a plain message: what the download is, what the client accepts."""
    response = request.response
    response.setStatus(406)
    response.setHeader("Content-Type", "text/plain; charset=utf-8")
    return f"This download is {media_type}; the Accept header ({request.getHeader('Accept')}) excludes it.\n"


def attachment(request, media_type: str, filename: str, body: bytes) -> bytes:
    response = request.response
    response.setHeader("Content-Type", media_type)
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    return body
