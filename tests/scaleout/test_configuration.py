"""scripts/instance.py: the configuration of each storage, read back with the schemas Zope and
runzeo use. Fast, no process started: part of the default `make test` (no scaleout marker)."""

from pathlib import Path
from tests.scaleout.conftest import ROOT
from Zope2.Startup.options import ZopeWSGIOptions

import configparser
import importlib.util
import pytest
import ZConfig
import ZEO


spec = importlib.util.spec_from_file_location("instance_script", ROOT / "scripts" / "instance.py")
instance_script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(instance_script)

ZEO_SCHEMA = ZConfig.loadSchema(str(Path(ZEO.__file__).parent / "schema.xml"))
DSN = "dbname=zodb user=zodb host=127.0.0.1 port=5433 password=pa$$word"


def write(tmp_path, **kwargs):
    options = {"host": "127.0.0.1", "port": 9080, "debug": False, **kwargs}
    instance, var = tmp_path / "instance", tmp_path / "var"
    instance_script.write_instance(instance, var, **options)
    return instance, var


def storage_section(instance: Path, conf: str = "zope.conf"):
    config = ZopeWSGIOptions(str(instance / "etc" / conf))().configroot  # as runwsgi reads it
    (database,) = config.databases
    assert database.name == "main"
    return database.config.storage


def ini(instance: Path, name: str = "zope.ini") -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser()
    parser.read(instance / "etc" / name)
    return parser


def test_filestorage_is_the_default(tmp_path):
    instance, var = write(tmp_path)

    storage = storage_section(instance)

    assert type(storage).__name__ == "BlobStorage"
    assert storage.config.blob_dir == str(var / "blobstorage")
    assert storage.config.base.config.path == str(var / "filestorage" / "Data.fs")
    assert sorted(p.name for p in (instance / "etc").iterdir()) == ["zope.conf", "zope.ini"]


def test_relstorage_history_free_with_blob_cache(tmp_path):
    instance, var = write(tmp_path, storage="relstorage", pg_dsn=DSN, instances=2)

    first, second = storage_section(instance), storage_section(instance, "zope-2.conf")

    for storage, cache in ((first, "blobcache"), (second, "blobcache-2")):
        assert type(storage).__name__ == "RelStorageFactory"
        options = storage.config
        assert options.keep_history is False
        assert options.shared_blob_dir is False
        assert options.blob_dir == str(var / cache)
        assert options.adapter.config.dsn == DSN  # `$` kept, not a ZConfig substitution
    assert ini(instance).get("server:main", "port") == "9080"
    assert ini(instance, "zope-2.ini").get("server:main", "port") == "9081"
    assert ini(instance, "zope-2.ini").get("app:zope", "zope_conf").endswith("etc/zope-2.conf")
    assert "event-2.log" in ini(instance, "zope-2.ini").get("handler_eventlog", "args")


def test_zeo_clients_and_server(tmp_path):
    instance, var = write(tmp_path, storage="zeo", zeo_address="127.0.0.1:9100", instances=2)

    for conf, cache in (("zope.conf", "blobcache"), ("zope-2.conf", "blobcache-2")):
        storage = storage_section(instance, conf)
        assert type(storage).__name__ == "ClientStorageConfig"  # ZEO's own: it has server-sync
        assert storage.config.server[0].address == ("127.0.0.1", 9100)
        assert storage.config.server_sync is True  # each request sees every earlier commit
        assert storage.config.shared_blob_dir is False
        assert storage.config.blob_dir == str(var / cache)
    server, _handler = ZConfig.loadConfig(ZEO_SCHEMA, str(var / "zeo" / "zeo.conf"))
    assert server.zeo.address.address == ("127.0.0.1", 9100)
    (served,) = server.storages
    assert served.name == "1"
    assert served.config.base.config.path == str(var / "filestorage" / "Data.fs")
    assert served.config.blob_dir == str(var / "blobstorage")


def test_fewer_instances_remove_the_old_files(tmp_path):
    write(tmp_path, storage="zeo", instances=3)
    instance, _var = write(tmp_path, storage="zeo", instances=1)

    assert sorted(p.name for p in (instance / "etc").iterdir()) == ["zope.conf", "zope.ini"]


@pytest.mark.parametrize(
    "options,message",
    [
        ({"instances": 2}, "the embedded FileStorage serves one process"),
        ({"storage": "relstorage"}, "needs a PostgreSQL DSN"),
        ({"storage": "relstorage", "pg_dsn": "dbname=a\nhost=b"}, "on one line"),
        ({"storage": "mysql"}, "storage must be one of"),
        ({"storage": "zeo", "instances": 0}, "at least 1"),
    ],
)
def test_refused(tmp_path, options, message):
    with pytest.raises(ValueError, match=message):
        write(tmp_path, **options)
    assert not (tmp_path / "instance").exists()
