"""Every file and image field of the add-on's types follows the upload rules.

An upload is checked with ``checks`` (pictures: PNG, JPEG, GIF or WebP that
Pillow reads; files: the accepted kinds) and stored with the media type read
from its bytes, never the one the browser sent. REST (plone.restapi's field
deserializer), Classic forms (a z3c.form validator) and whatever else stores a
value (``store_sniffed_kinds``, called on add and edit) all meet these rules.
"""

from collective.twinning.content.mobility import IMobility
from collective.twinning.interfaces import IBrowserLayer
from collective.twinning.uploads.checks import check_file
from collective.twinning.uploads.checks import check_image
from collective.twinning.uploads.kinds import sniff
from plone.app.contenttypes.behaviors.leadimage import ILeadImageBehavior
from plone.dexterity.utils import iterSchemata
from plone.namedfile.interfaces import INamedField
from plone.namedfile.interfaces import INamedImageField
from plone.restapi.deserializer.dxfields import NamedFieldDeserializer
from z3c.form import validator
from zope.schema import getFields

import codecs


def check_upload(field, value) -> None:
    """Raise ``UploadRefused`` (naming the field) unless ``value`` may be stored in ``field``."""
    if value is None:
        return
    if INamedImageField.providedBy(field):
        check_image(value, field.__name__)
    else:
        check_file(value, field.__name__)


def with_sniffed_kind(value) -> bool:
    """Set the value's media type to the kind read from its bytes; True when it changed."""
    kind = sniff(value.data) if value is not None else None
    if kind is None or value.contentType == kind:
        return False
    value.contentType = kind
    return True


def named_fields(obj):
    for schema in iterSchemata(obj):
        for name, field in getFields(schema).items():
            if INamedField.providedBy(field):
                yield name, field


def store_sniffed_kinds(obj) -> list[str]:
    """Correct the media type of every file and image the item holds; the names changed."""
    changed = []
    for name, _field in named_fields(obj):
        value = getattr(obj, name, None)
        if value is not None and with_sniffed_kind(value):
            changed.append(name)
    return changed


class SafeUploadDeserializer(NamedFieldDeserializer):
    """plone.restapi's file/image deserializer, on the add-on's layer and types."""

    def __call__(self, value):
        if isinstance(value, dict) and value.get("data"):
            # Plone's image field refuses a picture declared as something else: declare its kind.
            data = value["data"].encode("utf-8") if isinstance(value["data"], str) else value["data"]
            if "encoding" in value:
                try:
                    data = codecs.decode(data, value["encoding"])
                except (ValueError, LookupError):
                    data = b""  # the stock deserializer answers it
            kind = sniff(data) if isinstance(data, bytes) else None
            if kind is not None:
                value = {**value, "content-type": kind}
        stored = super().__call__(value)
        if stored is not getattr(self.context, self.field.__name__, None):  # a new upload
            check_upload(self.field, stored)
            with_sniffed_kind(stored)
        return stored


class SafeUploadValidator(validator.SimpleFieldValidator):
    """The same rules in the Classic UI's add and edit forms."""

    def validate(self, value, force=False):
        super().validate(value, force)
        if value is not None and hasattr(value, "data"):  # not NOT_CHANGED ("keep")
            check_upload(self.field, value)


class LeadImageValidator(SafeUploadValidator):
    """A project's or group's lead image."""


class LearningAgreementValidator(SafeUploadValidator):
    """A mobility's learning agreement."""


validator.WidgetValidatorDiscriminators(
    LeadImageValidator, request=IBrowserLayer, field=ILeadImageBehavior["image"]
)
validator.WidgetValidatorDiscriminators(
    LearningAgreementValidator, request=IBrowserLayer, field=IMobility["learning_agreement"]
)
