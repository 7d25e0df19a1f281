from collective.twinning.exportimport.export import export_space
from collective.twinning.services.export.download import acceptable
from collective.twinning.services.export.download import attachment
from collective.twinning.services.export.download import not_acceptable
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from zope.interface import alsoProvides


ZIP = "application/zip"


def download(space, request) -> bytes:
    # Serializing pictures may store their scales: a read, whatever plone.protect would think.
    alsoProvides(request, IDisableCSRFProtection)
    return attachment(request, ZIP, f"{space.getId()}.zip", export_space(space))


class ExportGet(Service):
    """The space as a zip, for REST clients (Accept: application/json or application/zip)."""

    def render(self):
        return download(self.context, self.request)


class ExportDownload(BrowserView):
    """The same zip for every other client (no Accept header, ``*/*``, a browser); 406 if excluded."""

    def __call__(self):
        if not acceptable(self.request, ZIP):
            return not_acceptable(self.request, ZIP)
        return download(self.context, self.request)
