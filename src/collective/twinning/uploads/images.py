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


def clean_image(obj, name: str = "image") -> bool:
    """Replace the item's picture in field ``name`` by a clean copy once; True when replaced."""
    image = getattr(obj, name, None)
    if image is None:
        return False
    data = image.data
    marker = CLEANED_MARKER if name == "image" else f"{CLEANED_MARKER}_{name}"
    if getattr(obj, marker, None) == digest(data):
        return False
    try:
        cleaned = without_metadata(data)
    except Exception:  # any kind: not a picture Pillow reads, the field's rules refuse it
        return False
    if cleaned is not None:
        setattr(
            obj, name, NamedBlobImage(data=cleaned, contentType=image.contentType, filename=image.filename)
        )
        data = cleaned
    setattr(obj, marker, digest(data))
    return cleaned is not None
