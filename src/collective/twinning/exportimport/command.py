"""``twinning-export``: every TwinSpace of a site to a folder of zips, and back into a site.

    twinning-export instance/etc/zope.conf export Plone backups/2026-11-28
    twinning-export other/etc/zope.conf import Plone backups/2026-11-28

Each space is one ``<UID>.zip`` (the ``@export`` archive). Imports commit
every BATCH spaces, each space inside a savepoint: a space that cannot be
imported (already there, damaged, accounts missing) is reported and skipped
without undoing the others. Run it with the instance stopped (FileStorage) or
next to the running instances (ZEO, RelStorage).
"""

from collective.twinning.progress import Progress
from pathlib import Path

import argparse
import sys
import transaction


BATCH = 20


def open_site(zope_conf: str, site_id: str):
    """Start Zope from its configuration; the site with a request and its hooks set."""
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import configure_wsgi

    import Zope2

    configure_wsgi(zope_conf)
    app = makerequest(Zope2.app())
    site = app.unrestrictedTraverse(site_id)
    setSite(site)
    setRequest(app.REQUEST)
    return site


def export_all(site, folder: Path) -> int:
    from collective.twinning.exportimport.export import export_space
    from plone import api

    folder.mkdir(parents=True, exist_ok=True)
    catalog = api.portal.get_tool("portal_catalog")
    # The whole site, whoever may see what: this is the operator's backup.
    brains = list(catalog.unrestrictedSearchResults(portal_type="TwinSpace"))
    with Progress("spaces exported", len(brains)) as bar:
        for brain in brains:
            space = brain._unrestrictedGetObject()
            (folder / f"{brain.UID}.zip").write_bytes(export_space(space))
            bar.step()
    return len(brains)


def import_all(site, folder: Path) -> tuple[int, list[str]]:
    from collective.twinning.exportimport.importer import import_space

    archives = sorted(folder.glob("*.zip"))
    imported, refused = 0, []
    with Progress("spaces imported", len(archives)) as bar:
        for number, path in enumerate(archives, 1):
            savepoint = transaction.savepoint()
            try:
                with path.open("rb") as stream:
                    import_space(site["projects"], stream)
                imported += 1
            except Exception as error:  # any kind: report it, go on with the next
                savepoint.rollback()
                refused.append(f"{path.name}: {error}")
            if number % BATCH == 0:
                transaction.commit()
            bar.step()
    transaction.commit()
    return imported, refused


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="twinning-export", description=__doc__.split("\n\n")[0])
    parser.add_argument("zope_conf", help="the instance's zope.conf")
    parser.add_argument("direction", choices=["export", "import"])
    parser.add_argument("site", help="the Plone site's id, e.g. Plone")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--admin", default="admin", help="who the history names (default: admin)")
    args = parser.parse_args(argv)

    site = open_site(args.zope_conf, args.site)
    from collective.twinning.security import as_system

    with as_system(args.admin):
        if args.direction == "export":
            count = export_all(site, args.folder)
            print(f"{count} spaces written to {args.folder}")
            return 0
        imported, refused = import_all(site, args.folder)
    print(f"{imported} spaces imported, {len(refused)} refused")
    for line in refused:
        print(f"  {line}", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
