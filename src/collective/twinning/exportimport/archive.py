"""The export archive: a zip of JSON documents and blobs, read back defensively."""

from zExceptions import BadRequest

import io
import json
import zipfile


FORMAT = "collective.twinning/twinspace-export"
VERSION = 1
MANIFEST = "manifest.json"
MAX_MEMBERS = 50_000
MAX_UNCOMPRESSED = 8 * 1024**3  # bytes; a space's files, generously


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


class ArchiveReader:
    """Opens the zip and refuses anything that is not a sound export (BadRequest)."""

    def __init__(self, stream):
        try:
            self.zip = zipfile.ZipFile(stream)
            members = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise BadRequest(f"body: not a zip archive ({error}).") from None
        if len(members) > MAX_MEMBERS:
            raise BadRequest(f"body: more than {MAX_MEMBERS} files in the archive.")
        if sum(member.file_size for member in members) > MAX_UNCOMPRESSED:
            raise BadRequest("body: the archive unpacks to more than the allowed size.")
        bad = [member.filename for member in members if not _safe_name(member.filename)]
        if bad:
            raise BadRequest(f"body: unsafe file name in the archive: {bad[0]!r}.")
        self.names = {member.filename for member in members}
        manifest = self.json(MANIFEST)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BadRequest("body: not a TwinSpace export (manifest.json).")
        if manifest.get("version") != VERSION:
            raise BadRequest(f"body: export version {manifest.get('version')!r} is not supported.")
        self.manifest = manifest

    def read(self, name: str) -> bytes:
        if name not in self.names:
            raise BadRequest(f"body: {name} is missing from the archive.")
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:  # CRC errors, truncation
            raise BadRequest(f"body: {name} is damaged ({error}).") from None

    def json(self, name: str):
        try:
            return json.loads(self.read(name))
        except ValueError as error:
            raise BadRequest(f"body: {name} is not valid JSON ({error}).") from None
