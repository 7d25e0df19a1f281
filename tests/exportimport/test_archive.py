"""The archive reader's bounds and the codec's strictness, without HTTP."""

from collective.twinning.errors import FieldError
from collective.twinning.exportimport.archive import ArchiveReader
from collective.twinning.exportimport.archive import END_OF_DIRECTORY
from collective.twinning.exportimport.archive import FORMAT
from collective.twinning.exportimport.archive import MAX_JSON
from collective.twinning.exportimport.archive import MAX_MEMBERS
from collective.twinning.exportimport.codec import CodecError
from collective.twinning.exportimport.codec import decode
from collective.twinning.exportimport.codec import encode
from DateTime import DateTime
from tests.exportimport.archives import pack

import io
import json
import pytest
import struct
import zipfile


MANIFEST = {"format": FORMAT, "version": 1, "items": ["items/000000.json"]}


def reader(data: bytes) -> ArchiveReader:
    return ArchiveReader(io.BytesIO(data))


def refusal(data: bytes) -> str:
    with pytest.raises(FieldError) as raised:
        reader(data)
    assert raised.value.field == "body"
    return str(raised.value)


def test_a_sound_archive_is_read(integration):
    archive = reader(pack({"manifest.json": MANIFEST, "items/000000.json": {"a": 1}}))

    assert archive.json("items/000000.json") == {"a": 1}


def test_the_member_count_is_read_from_the_end_before_the_directory_is_parsed(integration):
    data = bytearray(pack({"manifest.json": MANIFEST}))
    at = data.rfind(b"PK\x05\x06")
    fields = list(END_OF_DIRECTORY.unpack(data[at : at + END_OF_DIRECTORY.size]))
    fields[3] = fields[4] = MAX_MEMBERS + 1
    data[at : at + END_OF_DIRECTORY.size] = END_OF_DIRECTORY.pack(*fields)

    assert f"more than {MAX_MEMBERS} files" in refusal(bytes(data))


def _lying(size_on_disk: int, declared: int) -> bytes:
    """A manifest of ``size_on_disk`` bytes whose local header and directory declare ``declared``."""
    manifest = json.dumps({**MANIFEST, "padding": " " * size_on_disk}).encode()
    data = bytearray(pack({"manifest.json": manifest}))
    real = struct.pack("<L", len(manifest))
    assert data.count(real) == 2  # the local header and the central directory
    return bytes(data.replace(real, struct.pack("<L", declared)))


def test_a_directory_that_lies_about_a_size_is_never_trusted(integration):
    message = refusal(_lying(32 * 1024 * 1024, 100))

    assert "manifest.json" in message


def test_a_declared_size_past_the_bound_is_refused_before_reading(integration):
    message = refusal(_lying(10, MAX_JSON + 1))

    assert "manifest.json" in message and str(MAX_JSON) in message


def test_an_encrypted_or_exotic_member_is_refused(integration):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as target:
        target.writestr("manifest.json", json.dumps(MANIFEST))

    assert "manifest.json" in refusal(out.getvalue())


def test_the_same_member_twice_is_refused(integration):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("manifest.json", json.dumps(MANIFEST))
        with pytest.warns(UserWarning):
            target.writestr("manifest.json", json.dumps(MANIFEST))

    assert "twice" in refusal(out.getvalue())


@pytest.mark.parametrize(
    "value",
    [
        {"$python": "os.system"},
        {"$tuple": [], "$evil": 1},
        {"$mapping": "set", "items": []},
        {"$mapping": "dict", "items": [[1]]},
        {"$mapping": "dict", "items": [[{"$list": []}, 1]]},  # an unhashable key
        {"$list": "abc"},
        {"$length": "12"},
        {"$DateTime": "tomorrow-ish"},
        {"$date": 20260101},
        {"$auditlog": {"$mapping": "oobtree", "items": [["k", 1]]}},
    ],
)
def test_the_codec_refuses_what_it_did_not_write(value):
    with pytest.raises(CodecError):
        decode(value)


def test_the_codec_refuses_deep_nesting():
    value = {"$tuple": []}
    for _level in range(5000):
        value = {"$tuple": [value]}

    with pytest.raises(CodecError):
        decode(value)


@pytest.mark.parametrize(
    "value", [DateTime("2026/11/28 10:00:00.123456 GMT+1"), (1, "a", None), {"k": [1, 2]}]
)
def test_the_codec_round_trips(value):
    assert decode(encode(value)) == value
