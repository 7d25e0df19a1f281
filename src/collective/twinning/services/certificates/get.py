"""``GET /@certificates[?format=zip]``: the export of the current teacher's certificates."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.learning.certificates import certificates_of
from collective.twinning.learning.certificates import certificates_zip
from collective.twinning.services.export.download import acceptable
from collective.twinning.services.export.download import asks_for
from collective.twinning.services.export.download import attachment
from collective.twinning.services.export.download import not_acceptable
from plone import api
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized

import json


ZIP = "application/zip"
JSON = "application/json"


def _userid() -> str:
    if api.user.is_anonymous():
        raise Unauthorized("Log in to export your certificates.")
    return api.user.get_current().getId()


def export_format(request) -> str:
    value = request.form.get("format")
    if value is None:
        return "zip" if asks_for(request, ZIP) and not asks_for(request, JSON) else "json"
    if value not in ("json", "zip"):
        raise FieldError("format", _("format must be json or zip."))
    return value


def listing(request) -> dict:
    items = certificates_of(_userid(), request)
    return {
        "@id": f"{api.portal.get().absolute_url()}/@certificates",
        "items": items,
        "items_total": len(items),
    }


def zipped(request) -> bytes:
    return attachment(request, ZIP, "certificates.zip", certificates_zip(_userid(), request))


class CertificatesGet(Service):
    def render(self):
        if export_format(self.request) == "zip":
            return zipped(self.request)
        self.request.response.setHeader("Content-Type", JSON)
        return json.dumps(listing(self.request))


class CertificatesDownload(BrowserView):
    """Browsers: the zip (format=zip) or the JSON list."""

    def __call__(self):
        kind = export_format(self.request)
        media = ZIP if kind == "zip" else JSON
        if not acceptable(self.request, media):
            return not_acceptable(self.request, media)
        if kind == "zip":
            return zipped(self.request)
        self.request.response.setHeader("Content-Type", JSON)
        return json.dumps(listing(self.request))
