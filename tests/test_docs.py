"""The README stays a short front door whose links resolve, and the book's package layout
(docs/_ext/twinning_docs.py) names every sub-package of the add-on."""

from pathlib import Path
from urllib.parse import unquote

import pytest
import re
import runpy
import sys


ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PACKAGE = ROOT / "src" / "collective" / "twinning"

sys.path.insert(0, str(DOCS / "_ext"))
from twinning_docs import package_layout  # noqa: E402


# [text](target) and ![alt](target), not inside code spans.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")


def slug(heading: str) -> str:
    """The anchor MyST (myst_heading_anchors) and GitHub make of a heading."""
    text = re.sub(r"[`*_]", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found, fenced = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        match = HEADING.match(line)
        if match and not fenced:
            found.add(slug(match.group(2)))
    return found


def links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"`[^`]*`", "", text)
    return LINK.findall(text)


def test_readme_is_a_short_front_door():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200, f"README.md has {len(lines)} lines: write in docs/"


def test_readme_has_the_two_commands_and_the_fast_loop():
    text = README.read_text(encoding="utf-8")
    for command in ("make run", "make test", "make test-unit"):
        assert command in text


def test_readme_links_resolve():
    local = [target for target in links(README) if not re.match(r"[a-z]+:", target)]
    assert any(target.startswith("docs/") for target in local)
    for target in local:
        path, _, anchor = unquote(target).partition("#")
        file = (ROOT / path) if path else README
        assert file.exists(), f"README.md links to {target}: no such file"
        if anchor:
            assert file.suffix == ".md", target
            assert anchor in anchors(file), f"README.md links to {target}: no such heading"


def test_readme_links_every_chapter():
    """Each page of the book's table of contents is linked from the README."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    chapters = set()
    for block in re.findall(r"```\{toctree\}(.*?)```", index, flags=re.S):
        chapters |= {line.strip() for line in block.splitlines() if line.strip() and not line.startswith(":")}
    linked = {target.split("#")[0] for target in links(README)}
    missing = {c for c in chapters if f"docs/{c}.md" not in linked and c != "changes"}
    assert chapters and not missing, f"chapters not linked from README.md: {sorted(missing)}"


def _notes() -> dict[str, str]:
    return runpy.run_path(str(DOCS / "conf.py"))["twinning_layout_notes"]


def _sub_packages() -> set[str]:
    return {f"{p.name}/" for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}


def test_layout_names_every_sub_package():
    names = {entry.name for entry in package_layout(PACKAGE, _notes())}
    assert {"lifecycle/", "membership/", "teachers/"} <= names
    assert _sub_packages() - names == set()


@pytest.mark.parametrize("entry", package_layout(PACKAGE, _notes()), ids=lambda e: e.name)
def test_layout_says_what_each_holds(entry):
    """A sub-package or module without docstring needs a line in twinning_layout_notes (docs/conf.py)."""
    assert entry.what, f"{entry.name}: add a docstring, or a note in docs/conf.py"


def test_development_page_renders_the_layout():
    text = (DOCS / "development.md").read_text(encoding="utf-8")
    assert "```{package-layout} ../src/collective/twinning" in text
