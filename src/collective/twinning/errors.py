"""HTTP errors Zope maps by class name ("Conflict" → 409, "TooManyRequests" → 429).

zExceptions' HTTPConflict and HTTPTooManyRequests carry the right status, but
Zope's response derives the status from the class name, and "httpconflict" is
no status name, so they would come out as 500.
"""

from zExceptions import HTTPConflict
from zExceptions import HTTPServiceUnavailable
from zExceptions import HTTPTooManyRequests


class Conflict(HTTPConflict):
    """409: what the request would create is already there."""


class TooManyRequests(HTTPTooManyRequests):
    """429: the sender went over a rate limit."""


class ServiceUnavailable(HTTPServiceUnavailable):
    """503: the portal is not set up for it (e.g. no sender address for mail)."""
