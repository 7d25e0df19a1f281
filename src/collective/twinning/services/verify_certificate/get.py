"""``GET /@verify-certificate/<code>``: whether a certificate is genuine, and what it says."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.learning.certificates import verify
from collective.twinning.services.base import SubPathService


class VerifyCertificateGet(SubPathService):
    def reply(self):
        match self.params:
            case [code] if len(code) <= 40:
                return verify(code)
        raise FieldError("code", _("Give one verification code after @verify-certificate/."))
