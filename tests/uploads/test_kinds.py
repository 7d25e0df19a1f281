"""The kind of an upload is read from its bytes."""

from collective.twinning.uploads.kinds import sniff
from tests.uploads import samples

import pytest


@pytest.mark.parametrize(
    "data,kind",
    [
        (samples.photo("JPEG"), "image/jpeg"),
        (samples.photo("PNG"), "image/png"),
        (samples.photo("WEBP"), "image/webp"),
        (samples.photo("GIF", with_location=False), "image/gif"),
        (samples.PDF, "application/pdf"),
        (samples.docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (samples.odt(), "application/vnd.oasis.opendocument.text"),
        (samples.TEXT, "text/plain"),
        (b"ID3\x03\x00" + b"\x00" * 20, "audio/mpeg"),
        (b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 8, "video/mp4"),
    ],
)
def test_accepted_kinds(data, kind):
    assert sniff(data) == kind


@pytest.mark.parametrize(
    "name",
    ["SVG", "SVG_BARE", "HTML", "HTML_LOWER", "XML", "SHELL", "JS_IN_TEXT", "EXE", "ELF"],
)
def test_dangerous_kinds_refused(name):
    assert sniff(getattr(samples, name)) is None


def test_name_does_not_matter():
    """An HTML page called photo.jpg is still HTML: sniff never sees the name."""
    assert sniff(samples.HTML) is None
