"""Pictures are stored without their metadata: photos of pupils often carry the place they were taken."""

from PIL import Image
from PIL import ImageOps
from plone.namedfile.file import NamedBlobImage

import hashlib
import io


CLEANED_MARKER = "_twinning_cleaned_image"
# Formats re-encoded (GIF carries no EXIF, and re-encoding would lose its frames).
REENCODED = {"JPEG": {"quality": 90}, "PNG": {"optimize": True}, "WEBP": {"quality": 90}}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def without_metadata(data: bytes) -> bytes | None:
    """The picture re-encoded without EXIF or text chunks (turned upright first), or None to keep it."""
    with Image.open(io.BytesIO(data)) as picture:
        kind = picture.format
        if kind not in REENCODED:
            return None
        upright = ImageOps.exif_transpose(picture)
        clean = upright.copy()
        clean.info = {}  # text chunks, comments, EXIF, XMP
        out = io.BytesIO()
        clean.save(out, format=kind, **REENCODED[kind])
        return out.getvalue()


def clean_image(material) -> bool:
    """Replace the material's image by a clean copy once; True when replaced."""
    image = getattr(material, "image", None)
    if image is None:
        return False
    data = image.data
    if getattr(material, CLEANED_MARKER, None) == digest(data):
        return False
    cleaned = without_metadata(data)
    if cleaned is not None:
        material.image = NamedBlobImage(
            data=cleaned, contentType=image.contentType, filename=image.filename
        )
        data = cleaned
    setattr(material, CLEANED_MARKER, digest(data))
    return cleaned is not None
