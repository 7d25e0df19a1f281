"""Where a refused form shows its error, and the message, in the user's language.

The rules raise ``FieldError`` (a field and a translatable message) or, about the
whole form, Forbidden, NotFound, Unauthorized or TooManyRequests; those of
``collective.twinning.errors`` carry a translatable message too. Any other
refusal is shown as it came, under a translated heading.
"""

from collective.twinning import _
from collective.twinning.errors import Translatable
from zope.i18nmessageid import Message


GENERAL = "form"  # errors about the whole form (#form-error)


def error_text(error) -> str:
    return str(error.args[0]) if getattr(error, "args", None) else str(error)


def message_of(error) -> Message | str:
    """The translatable message of a refusal (the raw text under a heading when it has none)."""
    if isinstance(error, Translatable):
        return error.message
    return Message(_("This could not be done: ${reason}"), mapping={"reason": error_text(error)})


def field_error(error, fields) -> tuple[str, Message | str]:
    """(the field of ``fields`` the error is about, or "form"; its translatable message)."""
    field = getattr(error, "field", None)
    return (field if field in fields else GENERAL), message_of(error)
