"""HTTP errors of the add-on: one 400 carrying its field, and the ones Zope maps by class name.

Zope derives a response's status from the exception's class name ("Conflict" → 409),
so a class whose name is no status name would come out as 500: ``FieldError`` is
registered under its name as 400, the others are named after their status.
"""

from zExceptions import BadRequest
from zExceptions import HTTPConflict
from zExceptions import HTTPServiceUnavailable
from zExceptions import HTTPTooManyRequests
from zope.i18n import translate
from zope.i18nmessageid import Message
from ZPublisher.HTTPResponse import status_codes


class FieldError(BadRequest):
    """400 about one field or parameter: its name and a translatable message.

    REST answers ``{"type": "BadRequest", "message", "field"}`` (``rest_errors``);
    the Classic UI forms show the message next to the field.
    """

    def __init__(self, field: str, message: str | Message):
        super().__init__(message)
        self.field = field
        self.message = message

    def translated(self, request=None) -> str:
        """The message in the request's language (English without a request)."""
        return translate(self.message, context=request) if request is not None else str(
            translate(self.message)
        )

    def __str__(self) -> str:
        return f"{self.field}: {translate(self.message)}"


status_codes.setdefault(FieldError.__name__.lower(), 400)


class Conflict(HTTPConflict):
    """409: what the request would create is already there."""


class TooManyRequests(HTTPTooManyRequests):
    """429: the sender went over a rate limit."""


class ServiceUnavailable(HTTPServiceUnavailable):
    """503: the portal is not set up for it (e.g. no sender address for mail)."""
