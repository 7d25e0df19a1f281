"""Shared pieces of the add-on's services."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
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
                    raise BadRequest("The user id is missing from the URL.")
                return None
            case [name]:
                return name
            case _:
                raise BadRequest(f"Unknown path: {'/'.join(self.params)}")


def json_object(request) -> dict:
    """The body of a writing JSON call, which must be a JSON object."""
    allow_write(request)
    body = request.get("BODY") or b"{}"
    try:
        data = json.loads(body)
    except ValueError as error:  # also UnicodeDecodeError
        raise BadRequest(f"The body is not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise BadRequest("The body must be a JSON object.")
    return data


def current_userid() -> str:
    return api.user.get_current().getId()
