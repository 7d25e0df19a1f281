"""HTTP errors of the add-on: a translatable message, and for a 400 the field it is about.

Zope derives a response's status from the exception's class name ("Conflict" → 409),
so a class whose name is no status name would come out as 500: ``FieldError`` is
registered under its name as 400, the others are named after their status.
Their text (``str``, what REST answers) is the message in English; the Classic UI
forms translate ``message`` (``browser.views.errors``).
"""

from collective.twinning import _
from zExceptions import BadRequest
from zExceptions import Forbidden as ZopeForbidden
from zExceptions import HTTPConflict
from zExceptions import HTTPServiceUnavailable
from zExceptions import HTTPTooManyRequests
from zExceptions import NotFound as ZopeNotFound
from zope.i18n import translate
from zope.i18nmessageid import Message
from ZPublisher.HTTPResponse import status_codes


class Translatable:
    """An error carrying a translatable ``message``; its text is the message in English."""

    def __init__(self, message: str | Message):
        super().__init__(str(translate(message)))
        self.message = message

    def translated(self, request=None) -> str:
        """The message in the request's language (English without a request)."""
        return str(translate(self.message, context=request))


class FieldError(Translatable, BadRequest):
    """400 about one field or parameter: its name and a translatable message.

    REST answers ``{"type": "BadRequest", "message", "field"}`` (``rest_errors``);
    the Classic UI forms show the message next to the field.
    """

    def __init__(self, field: str, message: str | Message):
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        text = translate(self.message)
        return text if text.startswith(f"{self.field}:") else f"{self.field}: {text}"


status_codes.setdefault(FieldError.__name__.lower(), 400)


def unknown_value(field: str, value) -> FieldError:
    """400: ``value`` is none of those ``field`` takes."""
    return FieldError(
        field, _("${param}: unknown value '${value}'.", mapping={"param": field, "value": str(value)})
    )


def not_valid(field: str, detail: str) -> FieldError:
    """400: ``field`` cannot be read (``detail`` says why, as the parser said it)."""
    return FieldError(
        field, _("${where} is not valid: ${detail}.", mapping={"where": field, "detail": detail})
    )


class Forbidden(Translatable, ZopeForbidden):
    """403 with a translatable message: the rules say no to this user."""


class NotFound(Translatable, ZopeNotFound):
    """404 with a translatable message: what the request names is not there."""


class Conflict(HTTPConflict):
    """409: what the request would create is already there."""


class TooManyRequests(Translatable, HTTPTooManyRequests):
    """429: the sender went over a rate limit."""


class ServiceUnavailable(HTTPServiceUnavailable):
    """503: the portal is not set up for it (e.g. no sender address for mail)."""
