"""The export archive: a zip of JSON documents and blobs, read back through bounds.

Nothing of an uploaded archive is inflated before its bounds are checked: the
number of members (from the end of the zip, before the central directory is
parsed), each member's declared size and compression ratio, then the bytes
actually read, through a reader that stops at the bound (the central directory
can lie). JSON members are held to much smaller bounds than blobs.
"""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.uploads.checks import FILE_LIMIT_RECORD
from collective.twinning.uploads.checks import IMAGE_LIMIT_RECORD
from collective.twinning.uploads.checks import limit_mb
from collective.twinning.uploads.checks import MB

import io
import json
import struct
import zipfile
import zlib


FORMAT = "collective.twinning/twinspace-export"
VERSION = 1
MANIFEST = "manifest.json"

MAX_MEMBERS = 20_000
MAX_DIRECTORY = MAX_MEMBERS * 512  # bytes of central directory: names of a sound export are short
MAX_JSON = 4 * MB  # one JSON member (the manifest included)
MAX_JSON_TOTAL = 64 * MB  # every JSON member read from one archive
MAX_TOTAL = 2 * 1024 * MB  # everything the archive unpacks to
MAX_RATIO = 200  # unpacked / packed size of a member ...
RATIO_FLOOR = 1 * MB  # ... once it unpacks to more than this
CHUNK = 64 * 1024
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

END_OF_DIRECTORY = struct.Struct("<4s4H2LH")
END_SIGNATURE = b"PK\x05\x06"


def refuse(message) -> FieldError:
    """A 400 about the uploaded archive (the request body)."""
    return FieldError("body", message)


def blob_limit() -> int:
    """Bytes a blob may unpack to: the largest upload the portal accepts (registry)."""
    return max(limit_mb(FILE_LIMIT_RECORD), limit_mb(IMAGE_LIMIT_RECORD)) * MB


class ArchiveWriter:
    def __init__(self):
        self.buffer = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED)

    def json(self, name: str, data) -> None:
        self.zip.writestr(name, json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False))

    def blob(self, name: str, data: bytes) -> None:
        self.zip.writestr(name, data, compress_type=zipfile.ZIP_STORED)

    def close(self) -> bytes:
        self.zip.close()
        return self.buffer.getvalue()


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return not (name.startswith("/") or "\\" in name or ".." in parts or "" in parts[:-1])


def declared_members(stream) -> int:
    """How many members the end of the zip announces, read before anything else is parsed."""
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    tail_size = min(size, END_OF_DIRECTORY.size + 0xFFFF)  # the record and its comment
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(END_SIGNATURE)
    if at < 0 or len(tail) - at < END_OF_DIRECTORY.size:
        raise refuse(_("The body is not a zip archive."))
    fields = END_OF_DIRECTORY.unpack(tail[at : at + END_OF_DIRECTORY.size])
    total, directory_size = fields[4], fields[5]
    if total == 0xFFFF or total > MAX_MEMBERS:  # 0xFFFF: a ZIP64 archive, larger still
        raise refuse(_("The archive holds more than ${limit} files.", mapping={"limit": MAX_MEMBERS}))
    if directory_size > MAX_DIRECTORY:
        raise refuse(
            _("The archive's list of files is larger than ${limit} bytes.", mapping={"limit": MAX_DIRECTORY})
        )
    stream.seek(0)
    return total


class ArchiveReader:
    """Opens the zip and refuses anything that is not a sound, bounded export (400 on ``body``)."""

    def __init__(self, stream):
        declared_members(stream)
        try:
            self.zip = zipfile.ZipFile(stream)
            members = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error):
            raise refuse(_("The body is not a zip archive.")) from None
        if len(members) > MAX_MEMBERS:
            raise refuse(_("The archive holds more than ${limit} files.", mapping={"limit": MAX_MEMBERS}))
        self.members = {}
        for member in members:
            self._check_member(member)
            self.members[member.filename] = member
        if sum(member.file_size for member in members) > MAX_TOTAL:
            raise refuse(_("The archive unpacks to more than ${limit} bytes.", mapping={"limit": MAX_TOTAL}))
        self.names = set(self.members)
        self.json_read = 0
        self.blob_limit = blob_limit()
        manifest = self.json(MANIFEST)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise refuse(_("The body is not a TwinSpace export (manifest.json)."))
        if manifest.get("version") != VERSION:
            raise refuse(
                _(
                    "Export version ${version} is not supported.",
                    mapping={"version": repr(manifest.get("version"))},
                )
            )
        self.manifest = manifest

    def _check_member(self, member) -> None:
        name = member.filename
        if not _safe_name(name):
            raise refuse(_("Unsafe file name in the archive: ${member}.", mapping={"member": repr(name)}))
        if name in self.members:
            raise refuse(_("The archive holds ${member} twice.", mapping={"member": name}))
        if member.compress_type not in METHODS or member.flag_bits & 0x1:
            raise refuse(
                _("${member} is encrypted or packed in a way exports never are.", mapping={"member": name})
            )

    def _too_large(self, name: str, limit: int) -> FieldError:
        return refuse(
            _("${member} unpacks to more than ${limit} bytes.", mapping={"member": name, "limit": limit})
        )

    def _too_packed(self, name: str) -> FieldError:
        return refuse(
            _(
                "${member} unpacks to more than ${ratio} times its packed size.",
                mapping={"member": name, "ratio": MAX_RATIO},
            )
        )

    def read(self, name: str, limit: int) -> bytes:
        """The member's bytes, never more than ``limit`` of them (400 naming the member beyond)."""
        member = self.members.get(name)
        if member is None:
            raise refuse(_("${member} is missing from the archive.", mapping={"member": name}))
        packed = max(member.compress_size, 1)
        if member.file_size > limit:
            raise self._too_large(name, limit)
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * packed:
            raise self._too_packed(name)
        chunks, size = [], 0
        try:
            with self.zip.open(member) as unpacked:
                while chunk := unpacked.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise self._too_large(name, limit)
                    if size > RATIO_FLOOR and size > MAX_RATIO * packed:
                        raise self._too_packed(name)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, zlib.error) as error:
            # CRC errors, truncation, sizes that do not match the directory
            raise refuse(
                _("${member} is damaged (${detail}).", mapping={"member": name, "detail": str(error)})
            ) from None
        return b"".join(chunks)

    def blob(self, name: str) -> bytes:
        return self.read(name, self.blob_limit)

    def json(self, name: str):
        data = self.read(name, MAX_JSON)
        self.json_read += len(data)
        if self.json_read > MAX_JSON_TOTAL:
            raise refuse(
                _(
                    "The archive's JSON documents unpack to more than ${limit} bytes.",
                    mapping={"limit": MAX_JSON_TOTAL},
                )
            )
        try:
            return json.loads(data)
        except (ValueError, RecursionError) as error:  # RecursionError: nested too deep
            detail = str(error) if isinstance(error, ValueError) else "nested too deep"
            raise refuse(
                _("${member} is not valid JSON (${detail}).", mapping={"member": name, "detail": detail})
            ) from None
