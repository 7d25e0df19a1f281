"""The start of a rich text as plain text: the title of posts."""

import html
import re


TAGS = re.compile(r"<[^>]+>")
SPACES = re.compile(r"\s+")


def plain(value) -> str:
    """The text of a RichTextValue (or a string of HTML) without its tags."""
    raw = getattr(value, "raw", value) or ""
    return SPACES.sub(" ", html.unescape(TAGS.sub(" ", raw))).strip()


def excerpt(value, length: int = 80) -> str:
    text = plain(value)
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"
