"""Sphinx configuration of the collective.twinning book (make docs)."""

from pathlib import Path

import sys


DOCS = Path(__file__).parent
sys.path.insert(0, str(DOCS / "_ext"))

project = "collective.twinning"
author = "collective.twinning developers"
copyright = "collective.twinning developers"  # noqa: A001 (Sphinx's name)

extensions = ["myst_parser", "twinning_docs"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
# Links to a heading of another page: [text](page.md#the-heading).
myst_heading_anchors = 3
html_theme = "alabaster"
html_theme_options = {"description": "An eTwinning-style portal for Plone 6.2", "page_width": "1160px"}
html_title = project
html_static_path: list[str] = []
# Everything is built from the repository: no intersphinx, nothing fetched.
suppress_warnings: list[str] = []

# The package layout (docs/development.md) comes from the source tree; folders without a
# docstring of their own are described here.
twinning_layout_notes = {
    "directory/": "The teacher directory: profiles kept in step with the accounts, organisation relations, ``@contact``.",
    "locales/": "Message catalogues of the domain ``collective.twinning`` (en, es).",
    "profiles/": "GenericSetup profiles: ``default``, ``uninstall``, ``demo``.",
}
