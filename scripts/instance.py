"""Write a Zope WSGI instance (etc/zope.conf, etc/zope.ini) from the templates in etc/.

Usage: python scripts/instance.py [--instance instance] [--var var] [--host H] [--port P]
           [--storage filestorage|zeo|relstorage] [--pg-dsn DSN] [--zeo-address H:P]
           [--instances N]

The storage comes from --storage or the environment variable STORAGE:
  filestorage  (default) the embedded FileStorage and blobs under VAR;
  zeo          a ZEO client of the server at --zeo-address / ZEO_ADDRESS
               (default 127.0.0.1:8100); VAR/zeo/zeo.conf is written for the
               server (scripts/zeo_server.sh starts and stops it);
  relstorage   RelStorage, history-free, on PostgreSQL: --pg-dsn / PG_DSN
               (a libpq DSN, e.g. "dbname=zodb user=zodb host=127.0.0.1").
With --instances N (or INSTANCES), instance 1 is etc/zope.conf + etc/zope.ini on
PORT, instance k > 1 is etc/zope-k.conf + etc/zope-k.ini on PORT + k - 1; all
share the storage, each has its own blob cache and logs (VAR/log/event-k.log).

Only the standard library is used, so it runs before or after the install.
"""

from pathlib import Path

import argparse
import os
import sys


ROOT = Path(__file__).resolve().parent.parent
STORAGES = ("filestorage", "zeo", "relstorage")
DEFAULT_ZEO_ADDRESS = "127.0.0.1:8100"


def conf_names(number: int) -> tuple[str, str]:
    """(zope.conf, zope.ini) file names of instance `number` (1-based)."""
    if number == 1:
        return "zope.conf", "zope.ini"
    return f"zope-{number}.conf", f"zope-{number}.ini"


def zconfig_value(value: str) -> str:
    """A value for a ZConfig file: `$` starts a substitution there, so double it."""
    return value.replace("$", "$$")


def write_instance(
    instance: Path,
    var: Path,
    host: str,
    port: int,
    debug: bool,
    storage: str = "filestorage",
    pg_dsn: str = "",
    zeo_address: str = DEFAULT_ZEO_ADDRESS,
    instances: int = 1,
) -> Path:
    """Write the configuration files; return the zope.ini of instance 1."""
    if storage not in STORAGES:
        raise ValueError(f"storage must be one of {', '.join(STORAGES)}, not {storage!r}")
    if storage == "relstorage" and not pg_dsn.strip():
        raise ValueError(
            "storage relstorage needs a PostgreSQL DSN (--pg-dsn or PG_DSN); "
            "for a throwaway local one: PG_DSN=$(make -s pg-start)"
        )
    if "\n" in pg_dsn:
        raise ValueError("the PostgreSQL DSN must be on one line")
    if instances < 1:
        raise ValueError("instances must be at least 1")
    if storage == "filestorage" and instances > 1:
        raise ValueError(
            "the embedded FileStorage serves one process; use STORAGE=zeo or "
            "STORAGE=relstorage for several instances"
        )
    subdirs = ["filestorage", "blobstorage", "log", "cache"]
    if storage == "zeo":
        subdirs.append("zeo")
    for sub in subdirs:
        (var / sub).mkdir(parents=True, exist_ok=True)
    (instance / "etc").mkdir(parents=True, exist_ok=True)
    # Remove the files of instances that are no longer asked for.
    for old in (instance / "etc").glob("zope-*.*"):
        old.unlink()
    storage_template = (ROOT / "etc" / f"storage-{storage}.conf.in").read_text(encoding="utf-8")
    for number in range(1, instances + 1):
        conf_name, ini_name = conf_names(number)
        values = {
            "instance_home": instance,
            "var_dir": var,
            "host": host,
            "port": port + number - 1,
            "debug_mode": "on" if debug else "off",
            "storage_name": storage,
            "number": number,
            "instances": instances,
            "suffix": "" if number == 1 else f"-{number}",
            "conf_name": conf_name,
            "zeo_address": zeo_address,
            "pg_dsn": zconfig_value(pg_dsn.strip()),
        }
        values["storage"] = storage_template.format(**values).rstrip("\n")
        for name, target in (("zope.conf", conf_name), ("zope.ini", ini_name)):
            template = (ROOT / "etc" / f"{name}.in").read_text(encoding="utf-8")
            (instance / "etc" / target).write_text(template.format(**values), encoding="utf-8")
    if storage == "zeo":
        template = (ROOT / "etc" / "zeo.conf.in").read_text(encoding="utf-8")
        zeo_conf = template.format(var_dir=var, zeo_address=zeo_address)
        (var / "zeo" / "zeo.conf").write_text(zeo_conf, encoding="utf-8")
        (var / "zeo" / "address").write_text(zeo_address + "\n", encoding="utf-8")
    return instance / "etc" / "zope.ini"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--instance", default=str(ROOT / "instance"))
    parser.add_argument("--var", default=str(ROOT / "var"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--storage", default=os.environ.get("STORAGE") or "filestorage", choices=STORAGES)
    parser.add_argument("--pg-dsn", default=os.environ.get("PG_DSN", ""))
    parser.add_argument("--zeo-address", default=os.environ.get("ZEO_ADDRESS") or DEFAULT_ZEO_ADDRESS)
    parser.add_argument("--instances", type=int, default=int(os.environ.get("INSTANCES") or 1))
    args = parser.parse_args()
    try:
        ini = write_instance(
            Path(args.instance).resolve(),
            Path(args.var).resolve(),
            args.host,
            args.port,
            args.debug,
            storage=args.storage,
            pg_dsn=args.pg_dsn,
            zeo_address=args.zeo_address,
            instances=args.instances,
        )
    except ValueError as error:
        sys.exit(f"instance.py: {error}")
    print(f"Instance written: {ini} (storage {args.storage}, {args.instances} instance(s))")


if __name__ == "__main__":
    main()
