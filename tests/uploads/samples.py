"""Sample uploads, safe and dangerous, built in memory."""

from PIL import Image

import io
import zipfile


def photo(fmt: str = "JPEG", with_location: bool = True) -> bytes:
    """A small photo; with_location adds EXIF with a GPS position and a rotation."""
    picture = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    if with_location:
        exif[0x010F] = "PhoneMaker"
        exif[0x0112] = 6  # rotated: must come out upright
        exif[0x8825] = {1: "N", 2: (40.0, 25.0, 0.0), 3: "W", 4: (3.0, 42.0, 0.0)}
    out = io.BytesIO()
    picture.save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def _zip(entries: dict) -> bytes:
    """The same bytes every time: a fixed date on each entry (a zip stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


def docx() -> bytes:
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def odt() -> bytes:
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": "<office:document-content/>",
        }
    )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
SVG_BARE = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
HTML_LOWER = b"  <html><script>alert(1)</script></html>"
XML = b'<?xml version="1.0"?><note>hi</note>'
SHELL = b"#!/bin/sh\nrm -rf /\n"
JS_IN_TEXT = b"hello <script>alert(1)</script>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 57
TEXT = b"Lista de la compra: pan, leche, huevos.\n"
