from collective.twinning.openapi.document import build
from plone import api
from plone.restapi.services import Service


class OpenAPIGet(Service):
    """The document of docs/openapi.yaml (same code), as JSON, with this site as server."""

    def reply(self):
        return build(server_url=api.portal.get().absolute_url())
