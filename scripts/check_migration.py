"""Check a FileStorage -> RelStorage copy (scripts/migrate_to_relstorage.sh runs it).

Run with: zconsole run <zope.conf on the RelStorage copy> scripts/check_migration.py
Environment:
  SOURCE_VAR        the var directory of the FileStorage (filestorage/Data.fs, blobstorage/)
  PG_DSN            the PostgreSQL DSN of the copy (to count its rows exactly)
  SITE_ID           the Plone site to query (default Plone)
  MIGRATION_SAMPLE  how many object records to compare byte for byte (default 2000; 0: all)

Checks, each printed on one line, and exits 1 on the first difference:
  - the same object ids in both (FileStorage index, RelStorage's object_state table);
  - a random sample of records (always the root) has the same pickle and transaction id;
  - every blob of the source (if any) reads back with the same bytes from the copy;
  - the same catalog query (all TwinSpaces, and the catalog's size) gives the same answer.
"""

from pathlib import Path
from ZODB.DB import DB
from ZODB.FileStorage import FileStorage
from ZODB.utils import p64
from ZODB.utils import u64

import os
import psycopg2
import random
import sys
import transaction


def fail(message):
    print(f"check-migration: FAILED: {message}")
    sys.exit(1)


def ok(message):
    print(f"check-migration: {message}")


source_var = Path(os.environ["SOURCE_VAR"]).resolve()
dsn = os.environ["PG_DSN"]
site_id = os.environ.get("SITE_ID", "Plone")
sample_size = int(os.environ.get("MIGRATION_SAMPLE", "2000"))

copy_db = app._p_jar.db()  # noqa: F821 - `app` is given by zconsole run
copy = copy_db.storage
source = FileStorage(
    str(source_var / "filestorage" / "Data.fs"),
    blob_dir=str(source_var / "blobstorage"),
    read_only=True,
)

# 1. Object ids.
source_oids = {u64(oid) for oid in source._index}
with psycopg2.connect(dsn) as conn, conn.cursor() as cursor:
    cursor.execute("SELECT zoid FROM object_state")
    copy_oids = {row[0] for row in cursor}
if source_oids != copy_oids:
    fail(
        f"{len(source_oids)} objects in the FileStorage, {len(copy_oids)} in RelStorage; "
        f"missing {sorted(source_oids - copy_oids)[:10]}, extra {sorted(copy_oids - source_oids)[:10]}"
    )
ok(f"objects: {len(source_oids)} in both")

# 2. Records, byte for byte.
oids = sorted(source_oids)
if sample_size and len(oids) > sample_size:
    oids = [0, *random.sample(oids, sample_size)]
for oid in oids:
    source_data, source_tid = source.load(p64(oid))
    copy_data, copy_tid = copy.load(p64(oid))
    if (source_data, source_tid) != (copy_data, copy_tid):
        fail(f"object {oid:#x} differs")
ok(f"records: {len(oids)} compared, identical pickles and transaction ids")

# 3. Blobs.
blobs = 0
for oid, _path in source.fshelper.listOIDs():
    tid = source.load(oid)[1]
    try:
        source_blob = source.loadBlob(oid, tid)
    except Exception:  # noqa: S112 - an older revision only: not current any more
        continue
    with open(source_blob, "rb") as before, open(copy.loadBlob(oid, tid), "rb") as after:
        if before.read() != after.read():
            fail(f"blob of {u64(oid):#x} differs")
    blobs += 1
if blobs:
    ok(f"blobs: {blobs} read from RelStorage, same bytes as the FileStorage's")
else:
    ok("blobs: none in the source")


# 4. The catalog.
def catalog_answer(root_app):
    catalog = root_app[site_id].portal_catalog
    spaces = sorted(b.getPath() for b in catalog.unrestrictedSearchResults(portal_type="TwinSpace"))
    return len(catalog), spaces


source_db = DB(source)
try:
    source_conn = source_db.open()
    before = catalog_answer(source_conn.root()["Application"])
    source_conn.close()
finally:
    source_db.close()
after = catalog_answer(app)  # noqa: F821
transaction.abort()
if before != after:
    fail(f"catalog: {before} before, {after} after")
if not after[1]:
    fail("the catalog finds no TwinSpace")
ok(f"catalog: {after[0]} entries, {len(after[1])} TwinSpaces found in both")
ok("OK")
