"""The catalogues cover every msgid of the add-on; es, fr, it, de, pl and pt translate all of them."""

from pathlib import Path
from pythongettext.msgfmt import Msgfmt
from zope.i18n import translate

import ast
import collective.twinning
import pytest
import re


PACKAGE = Path(collective.twinning.__file__).parent
LOCALES = PACKAGE / "locales"


def python_msgids() -> set[str]:
    """Every literal passed to the message factory ``_`` in the package's Python code."""
    msgids = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                msgids.add(node.args[0].value)
    return msgids


def fti_msgids() -> set[str]:
    """Type titles and descriptions marked for translation in the FTIs."""
    msgids = set()
    for path in (PACKAGE / "profiles" / "default" / "types").glob("*.xml"):
        text = path.read_text(encoding="utf-8")
        msgids.update(re.findall(r'name="(?:title|description)"\s+i18n:translate=""\s*>([^<]+)<', text))
    return msgids


def profile_msgids() -> set[str]:
    """Titles and descriptions of the workflows, sharing roles and user schema of our domain."""
    default = PACKAGE / "profiles" / "default"
    msgids = set()
    for path in (default / "workflows").glob("*/definition.xml"):
        text = path.read_text(encoding="utf-8")
        msgids.update(re.findall(r'<(?:state|transition) [^>]*title="([^"]+)"', text))
        msgids.update(re.findall(r'<description\s+i18n:translate=""\s*>([^<]+)<', text))
        msgids.update(re.findall(r'<action\s[^>]*i18n:translate=""\s*>([^<]+)<', text))
    sharing = (default / "sharing.xml").read_text(encoding="utf-8")
    msgids.update(re.findall(r'title="([^"]+)"', sharing))
    userschema = (default / "userschema.xml").read_text(encoding="utf-8")
    msgids.update(
        re.findall(r'i18n:domain="collective.twinning"\s+i18n:translate=""\s*>([^<]+)<', userschema)
    )
    return msgids


def catalogue(language: str) -> dict[str, str]:
    """msgid -> msgstr of a compiled .po (via python-gettext, as Zope compiles it)."""
    path = LOCALES / language / "LC_MESSAGES" / "collective.twinning.po"
    with path.open("rb") as po:
        compiler = Msgfmt(po, name=str(path))
        compiler.read()
    return dict(compiler.messages)


def po_msgids(language: str) -> set[str]:
    """Every msgid of a .po file, translated or not (msgids may span lines)."""
    path = LOCALES / language / "LC_MESSAGES" / "collective.twinning.po"
    msgids, current = set(), None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current = [ast.literal_eval(line[len("msgid ") :])]
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
        elif current is not None:
            msgids.add("".join(current))
            current = None
    return msgids - {""}


def test_package_has_msgids():
    assert len(python_msgids()) > 200
    assert "TwinSpace" in fti_msgids()
    assert {"Running", "Submit for validation", "Space admin"} <= profile_msgids()


# Spanish is the site's second language; the others serve the partners of a project.
TRANSLATED = ("es", "fr", "it", "de", "pl", "pt")


def pot_msgids() -> set[str]:
    path = LOCALES / "collective.twinning.pot"
    msgids, current = set(), None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("msgid "):
            current = [ast.literal_eval(line[len("msgid ") :])]
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
        elif current is not None:
            msgids.add("".join(current))
            current = None
    return msgids - {""}


@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_catalogue_covers_every_msgid(language):
    missing = sorted((python_msgids() | fti_msgids() | profile_msgids()) - po_msgids(language))
    assert missing == []


@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_catalogue_has_the_msgids_of_the_pot(language):
    """Every .po holds exactly the .pot's msgids: none missing, none left over."""
    assert po_msgids(language) == pot_msgids()


@pytest.mark.parametrize("language", TRANSLATED)
def test_translates_everything(language):
    untranslated = sorted(msgid for msgid, msgstr in catalogue(language).items() if msgid and not msgstr)
    assert untranslated == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_keeps_placeholders(language):
    for msgid, msgstr in catalogue(language).items():
        assert set(re.findall(r"\$\{\w+\}", msgid)) == set(re.findall(r"\$\{\w+\}", msgstr)), msgid


@pytest.mark.parametrize(
    "language,msgid,translation",
    [
        ("es", "Spain", "España"),
        ("es", "Partner posting", "Anuncio de búsqueda de socios"),
        ("es", "Mobility", "Movilidad"),
        ("fr", "National Quality Label", "Label de qualité national"),
        ("it", "Find partners", "Trova partner"),
        ("de", "My space", "Mein Bereich"),
        ("pl", "Projects", "Projekty"),
        ("pt", "Submit for validation", "Submeter para validação"),
    ],
)
def test_runtime_translation(portal, language, msgid, translation):
    """Zope compiled and registered each catalogue (zope_i18n_compile_mo_files)."""
    assert translate(msgid, domain="collective.twinning", target_language=language) == translation
