"""Every text the views' templates mark for translation is in the es catalogue, translated.

tests/locales checks the msgids of Python code, FTIs and workflows; the
templates' ``i18n:translate`` texts and ``i18n:attributes`` values are checked here.
"""

from pathlib import Path
from tests.locales.test_catalogues import catalogue

import collective.twinning.browser.views
import re


TEMPLATES = Path(collective.twinning.browser.views.__file__).parent / "templates"


def template_msgids() -> set[str]:
    msgids = set()
    for path in TEMPLATES.glob("*.pt"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(\w+)[^>]*?i18n:translate=""[^>]*>([^<]*)</\1>', text):
            msgids.add(" ".join(match.group(2).split()))
        for match in re.finditer(r'<\w+[^>]*?i18n:attributes="([\w\- ]+)"[^>]*>', text, re.S):
            for attribute in match.group(1).split():
                value = re.search(rf'\s{attribute}="([^"]*)"', match.group(0))
                if value:
                    msgids.add(value.group(1))
    return msgids - {""}


def test_templates_mark_texts():
    assert {"Approve", "Add a member", "Search", "Pages"} <= template_msgids()


def test_template_msgids_are_translated_to_spanish():
    spanish = catalogue("es")
    missing = sorted(msgid for msgid in template_msgids() if not spanish.get(msgid))
    assert missing == []
