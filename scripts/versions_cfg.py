"""Print a buildout [versions] section made of the pip pins in constraints.txt.

Usage: python scripts/versions_cfg.py constraints.txt > versions.cfg

Every `name==version` line of the constraints file becomes `name = version`,
names kept as pip prints them (buildout canonicalises the keys itself, so
`importlib_metadata` and `importlib-metadata` are the same pin for it).
Lines are not aligned, so `sed -n 's/^zc.buildout = //p' versions.cfg` works.
The buildout tooling (zc.buildout, plone.recipe.zope2instance and what they
need that the pip venv does not have) is pinned by BUILDOUT_ONLY below.
A pin in constraints.txt always wins over the same name in BUILDOUT_ONLY.

Only the standard library is used, so it runs with any Python 3.
"""

import re
import sys


# Pins that only buildout users need: the tooling itself and the dependencies
# of plone.recipe.zope2instance that the pip venv (constraints.txt) lacks.
# Update them by hand (check that `make check-buildout` still passes).
BUILDOUT_ONLY = {
    # zc.buildout itself; it also needs packaging, pip, setuptools and wheel,
    # which constraints.txt pins already.
    "zc.buildout": "6.0.1",
    "platformdirs": "4.14.8",  # required by zc.buildout
    # the recipe that writes bin/instance and parts/instance/etc/
    "plone.recipe.zope2instance": "9.1.0",
    "zc.recipe.egg": "6.0.0",  # required by plone.recipe.zope2instance
    "ZEO": "6.2",  # required by plone.recipe.zope2instance
    "zdaemon": "5.2.1",  # required by ZEO
    "python-dotenv": "1.2.4",  # required by plone.recipe.zope2instance
}

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)\s*$")


def canonical(name: str) -> str:
    """PEP 503 name, as buildout and pip compare them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: str) -> list[tuple[str, str]]:
    pins = []
    bad = []
    with open(path, encoding="utf-8") as constraints:
        for number, raw in enumerate(constraints, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            match = PIN.match(line)
            if match is None:
                bad.append(f"{path}:{number}: {line}")
                continue
            pins.append((match.group(1), match.group(2)))
    if bad:
        # A line that is not a plain pin (a URL, an editable, an extra) would
        # leave buildout to pick a version: refuse rather than drop it.
        sys.exit("versions_cfg.py: not a `name==version` pin:\n  " + "\n  ".join(bad))
    return pins


def render(pins: list[tuple[str, str]], source: str) -> str:
    pinned = {canonical(name) for name, _ in pins}
    lines = [
        f"# Generated from {source} by scripts/versions_cfg.py (`make constraints`).",
        "# Do not edit: change the pins, or BUILDOUT_ONLY in the script, and regenerate.",
        "[versions]",
    ]
    lines += [f"{name} = {version}" for name, version in pins]
    extra = [(n, v) for n, v in BUILDOUT_ONLY.items() if canonical(n) not in pinned]
    if extra:
        lines += ["", "# Buildout only: zc.buildout, plone.recipe.zope2instance and their needs."]
        lines += [f"{name} = {version}" for name, version in extra]
    return "\n".join(lines) + "\n"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[2])
    source = sys.argv[1]
    pins = read_pins(source)
    if not pins:
        sys.exit(f"versions_cfg.py: no pins in {source}")
    sys.stdout.write(render(pins, source))


if __name__ == "__main__":
    main()
