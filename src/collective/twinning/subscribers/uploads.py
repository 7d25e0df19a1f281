"""Uploads are stored as what their bytes are, pictures without their metadata (photos of
pupils often carry the place they were taken); nothing the portal serves is content-sniffed."""

from collective.twinning.interfaces import IBrowserLayer
from collective.twinning.uploads.fields import named_fields
from collective.twinning.uploads.fields import store_sniffed_kinds
from collective.twinning.uploads.images import clean_image
from plone.namedfile.interfaces import INamedImageField


def safe_uploads(obj, event) -> None:
    """Every file and image field of the item: the sniffed media type, pictures cleaned."""
    for name, field in named_fields(obj):
        if INamedImageField.providedBy(field):
            clean_image(obj, name)
    store_sniffed_kinds(obj)


def no_sniffing(event) -> None:
    """Browsers must trust our Content-Type: a file is never run as HTML or script."""
    if IBrowserLayer.providedBy(event.request):
        event.request.response.setHeader("X-Content-Type-Options", "nosniff")
