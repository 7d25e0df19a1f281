"""``GET <event>/@certificate``: the current teacher's certificate, once the organisers marked them."""

from collective.twinning.learning.attendance import certificate_code
from collective.twinning.learning.certificates import certificate_pdf
from collective.twinning.learning.certificates import filename
from collective.twinning.services.export.download import acceptable
from collective.twinning.services.export.download import attachment
from collective.twinning.services.export.download import not_acceptable
from plone import api
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zExceptions import Unauthorized


PDF = "application/pdf"


def download(event, request) -> bytes:
    if api.user.is_anonymous():
        raise Unauthorized("Log in to download your certificate.")
    userid = api.user.get_current().getId()
    if certificate_code(event, userid) is None:
        raise NotFound("You have no certificate of this event: the organisers mark who completed it.")
    return attachment(request, PDF, filename(event, userid), certificate_pdf(event, userid, request))


class CertificateGet(Service):
    def render(self):
        return download(self.context, self.request)


class CertificateDownload(BrowserView):
    def __call__(self):
        if not acceptable(self.request, PDF):
            return not_acceptable(self.request, PDF)
        return download(self.context, self.request)
