"""What a file or image field may hold (400 naming the field).

Material's ``file`` and ``image`` use them as constraints; every other file or
image field of the add-on's types (a project's or group's lead image, a
mobility's learning agreement) is held to the same rules by ``fields``.
"""

from collective.twinning.uploads.kinds import is_image
from collective.twinning.uploads.kinds import sniff
from PIL import Image
from plone import api
from zope.schema import ValidationError

import io
import warnings


FILE_LIMIT_RECORD = "collective.twinning.max_file_size_mb"
IMAGE_LIMIT_RECORD = "collective.twinning.max_image_size_mb"
DEFAULT_LIMITS = {FILE_LIMIT_RECORD: 20, IMAGE_LIMIT_RECORD: 5}
MB = 1024 * 1024


class UploadRefused(ValidationError):
    """A file or image that may not be stored; the message names the field."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def doc(self):
        return self.message

    def __str__(self):
        return self.message


def limit_mb(record: str) -> int:
    return api.portal.get_registry_record(record, default=DEFAULT_LIMITS[record])


def _check_size(field: str, value, record: str) -> None:
    limit = limit_mb(record)
    if value.getSize() > limit * MB:
        raise UploadRefused(f"{field}: at most {limit} MB.")


def check_file(value, field: str = "file") -> bool:
    _check_size(field, value, FILE_LIMIT_RECORD)
    if sniff(value.data) is None:
        raise UploadRefused(
            f"{field}: this kind of file is not accepted (web pages, SVG, XML, scripts and "
            "programs are refused; share documents, images, sound or video)."
        )
    return True


def check_image(value, field: str = "image") -> bool:
    _check_size(field, value, IMAGE_LIMIT_RECORD)
    if not is_image(sniff(value.data)):
        raise UploadRefused(f"{field}: a PNG, JPEG, GIF or WebP picture is required (not SVG).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.open(io.BytesIO(value.data)).verify()
    except Exception:  # any kind: whatever Pillow cannot read is no picture
        raise UploadRefused(f"{field}: the picture cannot be read.") from None
    return True
