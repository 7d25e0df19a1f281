"""plone.restapi's content POST and PATCH, made to answer 400 (never 500) on malformed bodies.

Its deserializers raise TypeError, KeyError, LookupError, … on values of the
wrong shape (an object where a choice is expected, a relation without "@id",
a file with an unknown encoding); the publisher would answer 500 or 503.
The body is checked first, and what still breaks inside becomes a 400: the
request's transaction is aborted, so nothing created or changed stays.

A PATCH of a TwinSpace's ``cofounder`` is also held to who may change the founders, and
when (content.founders): 400 naming ``cofounder`` before anything is written.
"""

from collective.twinning import _
from collective.twinning.content.founders import cofounder_change_problem
from collective.twinning.content.founders import normalized
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.errors import FieldError
from collective.twinning.errors import not_valid
from collective.twinning.services.base import json_object
from plone.app.textfield.interfaces import TransformError
from plone.restapi.services.content.add import FolderPost
from plone.restapi.services.content.update import ContentPatch


# What the field deserializers raise on values of the wrong shape (and rich text that
# Plone's transforms cannot read, e.g. lone surrogates or control characters).
MALFORMED = (
    TypeError,
    KeyError,
    AttributeError,
    LookupError,
    ValueError,
    UnicodeError,
    TransformError,
)


def _check_body(request, creating: bool) -> dict:
    data = json_object(request)
    if creating and not isinstance(data.get("@type"), str):
        raise FieldError("@type", _("This field is required."))
    for name in ("id", "title"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise FieldError(name, _("${name}: give a string.", mapping={"name": name}))
    return data


def _check_founders(context, data: dict) -> None:
    """A new partner founder (or none) only from whoever may name it now."""
    if not ITwinSpace.providedBy(context) or "cofounder" not in data:
        return
    if normalized(data["cofounder"]) != (context.cofounder or None):
        problem = cofounder_change_problem(context)
        if problem is not None:
            raise FieldError("cofounder", problem)


def _guarded(reply):
    try:
        return reply()
    except MALFORMED as error:
        raise not_valid("body", f"{type(error).__name__}: {error}") from None


class GuardedFolderPost(FolderPost):
    def reply(self):
        _check_body(self.request, creating=True)
        return _guarded(super().reply)


class GuardedContentPatch(ContentPatch):
    def reply(self):
        _check_founders(self.context, _check_body(self.request, creating=False))
        return _guarded(super().reply)
