"""`make migrate-to-relstorage` on the demo site (with an image): the same objects,
records and blobs in PostgreSQL as in the FileStorage."""

from pathlib import Path
from tests.scaleout.conftest import ROOT
from ZODB.config import storageFromString
from ZODB.FileStorage import FileStorage
from ZODB.utils import p64
from ZODB.utils import u64

import os
import psycopg2
import pytest
import random
import subprocess


pytestmark = pytest.mark.scaleout


@pytest.fixture(scope="module")
def storages(migrated, tmp_path_factory):
    var: Path = migrated["var"]
    source = FileStorage(
        str(var / "filestorage" / "Data.fs"), blob_dir=str(var / "blobstorage"), read_only=True
    )
    cache = tmp_path_factory.mktemp("blobcache")
    copy = storageFromString(f"""
        %import relstorage
        <relstorage>
          keep-history false
          shared-blob-dir false
          blob-dir {cache}
          read-only true
          <postgresql>
            dsn {migrated["dsn"]}
          </postgresql>
        </relstorage>
    """)
    yield source, copy
    copy.close()
    source.close()


def test_the_command_checked_its_copy(migrated):
    output = migrated["output"]
    assert "check-migration: OK" in output
    assert "check-migration: blobs: 1 read from RelStorage" in output
    assert "TwinSpaces found in both" in output


def test_same_object_count(migrated, storages):
    source, _copy = storages
    with psycopg2.connect(migrated["dsn"]) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM object_state")
        (count,) = cursor.fetchone()
    assert count == len(source._index) > 1000


def test_sample_of_records_identical(storages):
    source, copy = storages
    oids = sorted(u64(oid) for oid in source._index)
    sample = [0, *random.Random(8).sample(oids, 300)]
    for oid in sample:
        assert copy.load(p64(oid)) == source.load(p64(oid)), hex(oid)


def test_blob_identical(storages):
    source, copy = storages
    blobs = list(source.fshelper.listOIDs())
    assert len(blobs) == 1
    oid = blobs[0][0]
    tid = source.load(oid)[1]
    with open(source.loadBlob(oid, tid), "rb") as original, open(copy.loadBlob(oid, tid), "rb") as blob:
        assert blob.read() == original.read()


def test_a_database_holding_data_is_refused(migrated, storages):
    source, _copy = storages
    result = subprocess.run(
        ["make", "migrate-to-relstorage", f"VAR_DIR={migrated['var']}"],
        cwd=ROOT,
        env={**os.environ, "PG_DSN": migrated["dsn"]},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "the destination storage has data" in result.stdout + result.stderr
    with psycopg2.connect(migrated["dsn"]) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM object_state")
        assert cursor.fetchone()[0] == len(source._index)


def test_pg_dsn_is_required(migrated):
    env = {k: v for k, v in os.environ.items() if k != "PG_DSN"}
    result = subprocess.run(
        ["make", "migrate-to-relstorage", f"VAR_DIR={migrated['var']}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "set PG_DSN" in result.stderr
