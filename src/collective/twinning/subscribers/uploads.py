"""Uploaded pictures lose their metadata; nothing the portal serves is content-sniffed."""

from collective.twinning.interfaces import IBrowserLayer
from collective.twinning.uploads.images import clean_image


def strip_image_metadata(material, event) -> None:
    clean_image(material)


def no_sniffing(event) -> None:
    """Browsers must trust our Content-Type: a file is never run as HTML or script."""
    if IBrowserLayer.providedBy(event.request):
        event.request.response.setHeader("X-Content-Type-Options", "nosniff")
