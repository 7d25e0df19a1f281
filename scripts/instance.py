"""Write a Zope WSGI instance (etc/zope.conf, etc/zope.ini) from the templates in etc/.

Usage: python scripts/instance.py [--instance instance] [--var var] [--host H] [--port P]

Only the standard library is used, so it runs before or after the install.
"""

from pathlib import Path

import argparse


ROOT = Path(__file__).resolve().parent.parent


def write_instance(instance: Path, var: Path, host: str, port: int, debug: bool) -> Path:
    values = {
        "instance_home": instance,
        "var_dir": var,
        "host": host,
        "port": port,
        "debug_mode": "on" if debug else "off",
    }
    for sub in ("filestorage", "blobstorage", "log", "cache"):
        (var / sub).mkdir(parents=True, exist_ok=True)
    (instance / "etc").mkdir(parents=True, exist_ok=True)
    for name in ("zope.conf", "zope.ini"):
        template = (ROOT / "etc" / f"{name}.in").read_text(encoding="utf-8")
        (instance / "etc" / name).write_text(template.format(**values), encoding="utf-8")
    return instance / "etc" / "zope.ini"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--instance", default=str(ROOT / "instance"))
    parser.add_argument("--var", default=str(ROOT / "var"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args()
    ini = write_instance(
        Path(args.instance).resolve(), Path(args.var).resolve(), args.host, args.port, args.debug
    )
    print(f"Instance written: {ini}")


if __name__ == "__main__":
    main()
