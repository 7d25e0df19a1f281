"""Tell a file's kind from its first bytes, never from its name or the browser's word.

Only kinds a school project shares are accepted; anything a browser could run
(HTML, SVG, XML, scripts, executables) is not, whatever its name says.
"""

import io
import zipfile


IMAGE_KINDS = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
}

# Office Open XML and OpenDocument files are zips with a telling first entry.
ZIP_KINDS = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
OPENDOCUMENT = "application/vnd.oasis.opendocument."

# Text that a browser would render or run, refused even as "plain text".
ACTIVE_TEXT = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<iframe", b"<body", b"#!")


def _riff(data: bytes) -> str | None:
    if data[:4] != b"RIFF":
        return None
    return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}.get(data[8:12])


def _iso_media(data: bytes) -> str | None:
    if data[4:8] != b"ftyp":
        return None
    brand = data[8:12]
    if brand.startswith(b"M4A"):
        return "audio/mp4"
    if brand == b"qt  ":
        return "video/quicktime"
    return "video/mp4"


def _zip(data: bytes) -> str | None:
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return None
    if "mimetype" in names:
        declared = zipfile.ZipFile(io.BytesIO(data)).read("mimetype").decode("ascii", "replace")
        return declared.strip() if declared.startswith(OPENDOCUMENT) else "application/zip"
    for prefix, kind in ZIP_KINDS.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    return "application/zip"


def _text(data: bytes) -> str | None:
    head = data[:4096]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    lowered = head.lstrip().lower()
    if any(marker in lowered for marker in ACTIVE_TEXT) or lowered.startswith(b"<"):
        return None
    return "text/plain"


def sniff(data: bytes) -> str | None:
    """The media type of an accepted kind of file, or None."""
    for kind, signatures in IMAGE_KINDS.items():
        if data.startswith(signatures):
            return kind
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"ID3") or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"
    if data.startswith(b"OggS"):
        return "audio/ogg"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/msword"  # the old binary Office formats
    return _riff(data) or _iso_media(data) or _zip(data) or _text(data)


def is_image(kind: str | None) -> bool:
    return kind in IMAGE_KINDS or kind == "image/webp"
