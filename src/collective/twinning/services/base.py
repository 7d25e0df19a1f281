"""Shared pieces of the add-on's services."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.errors import not_valid
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import json


def allow_write(request) -> None:
    """A JSON API call writes on purpose: plone.protect's automatic CSRF check
    (meant for browser forms) would otherwise abort the transaction after the
    response was built. plone.restapi's own writing services do the same."""
    alsoProvides(request, IDisableCSRFProtection)


@implementer(IPublishTraverse)
class SubPathService(Service):
    """A service that takes one path segment after its name (``@members/<userid>``)."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def render(self):
        if self.request.method != "GET":
            allow_write(self.request)
        return super().render()

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def subpath(self, required: bool) -> str | None:
        match self.params:
            case []:
                if required:
                    raise FieldError("path", _("The user id is missing from the URL."))
                return None
            case [name]:
                return name
            case _:
                raise unknown_path(self.params)


def unknown_path(params: list[str]) -> FieldError:
    """400 for a sub-path the service does not have."""
    return FieldError("path", _("Unknown path: ${path}.", mapping={"path": "/".join(params)}))


def not_an_object() -> FieldError:
    return FieldError("body", _("The body must be a JSON object."))


def json_object(request) -> dict:
    """The body of a writing JSON call, which must be a JSON object."""
    allow_write(request)
    body = request.get("BODY") or b"{}"
    try:
        data = json.loads(body)
    except ValueError as error:  # also UnicodeDecodeError
        raise not_valid("body", str(error)) from error
    if not isinstance(data, dict):
        raise not_an_object()
    return data


def current_userid() -> str:
    return api.user.get_current().getId()
