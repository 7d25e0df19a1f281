"""Write the OpenAPI document of the add-on to docs/openapi.yaml (or check it).

Usage: .venv/bin/python scripts/openapi.py [--check]

The document is made by collective.twinning.openapi.document.build() from the
code (services, search specs, Dexterity schemas); @twinning-openapi serves the
same document as JSON. --check exits 1 when docs/openapi.yaml is out of date.
"""

from collective.twinning.openapi.document import build
from pathlib import Path

import argparse
import sys
import yaml


ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "openapi.yaml"
HEADER = (
    "# The OpenAPI document of collective.twinning, written by scripts/openapi.py\n"
    "# (do not edit: change the code and run `make openapi`). Served as JSON at\n"
    "# <site>/@twinning-openapi.\n"
)


def render() -> str:
    return HEADER + yaml.safe_dump(build(), sort_keys=False, allow_unicode=True, width=100)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail when docs/openapi.yaml differs")
    args = parser.parse_args()
    text = render()
    if args.check:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            sys.exit(f"{TARGET.relative_to(ROOT)} is out of date: run `make openapi`.")
        print(f"{TARGET.relative_to(ROOT)} is up to date.")
        return
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"Wrote {TARGET.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
