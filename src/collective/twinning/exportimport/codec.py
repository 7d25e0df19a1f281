"""The add-on's stored data as JSON and back, for a fixed set of types only.

Annotations (validation decisions, label evaluations, …) hold BTrees,
persistent mappings, dates and tuples. They are written with a tag naming
the type and read back only into these types: an archive can never make the
importer build an object of its choosing (which unpickling would).
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collective.twinning.audit import AuditLog
from DateTime import DateTime
from datetime import date
from datetime import datetime
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping


class CodecError(ValueError):
    """Data that cannot be written or read back faithfully."""


MAPPINGS = {"oobtree": OOBTree, "persistentmapping": PersistentMapping, "dict": dict}


def _mapping_tag(value) -> str | None:
    if isinstance(value, OOBTree):
        return "oobtree"
    if isinstance(value, PersistentMapping):
        return "persistentmapping"
    if isinstance(value, dict):
        return "dict"
    return None


def encode(value):
    """A JSON-able form of ``value``."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, DateTime):
        # to the microsecond, in its own zone: DateTime equality compares both
        return {"$DateTime": value.asdatetime().isoformat(), "tz": value.timezone()}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Length):
        return {"$length": value()}
    if isinstance(value, AuditLog):  # the log travels with the space
        return {"$auditlog": encode(value.entries)}
    if isinstance(value, tuple):
        return {"$tuple": [encode(item) for item in value]}
    if isinstance(value, (list, PersistentList)):
        return {"$list": [encode(item) for item in value], "persistent": isinstance(value, PersistentList)}
    tag = _mapping_tag(value)
    if tag is not None:
        return {"$mapping": tag, "items": [[encode(k), encode(v)] for k, v in value.items()]}
    raise CodecError(f"cannot export a {type(value).__name__}")


def decode(value):
    """Back from ``encode``; anything else is refused with CodecError."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        raise CodecError("a bare list")
    if not isinstance(value, dict) or not value:
        raise CodecError("not a tagged value")
    try:
        if "$DateTime" in value:
            moment = DateTime(value["$DateTime"])
            return moment.toZone(value["tz"]) if value.get("tz") else moment
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$length" in value:
            return Length(int(value["$length"]))
        if "$auditlog" in value:
            entries = decode(value["$auditlog"])
            if not isinstance(entries, OOBTree) or not all(isinstance(e, dict) for e in entries.values()):
                raise CodecError("an audit log holds entries")
            log = AuditLog()
            log.entries.update(entries)
            log.size.change(len(entries))
            return log
        if "$tuple" in value:
            return tuple(decode(item) for item in value["$tuple"])
        if "$list" in value:
            items = [decode(item) for item in value["$list"]]
            return PersistentList(items) if value.get("persistent") else items
        if "$mapping" in value:
            mapping = MAPPINGS[value["$mapping"]]()
            for key, item in value["items"]:
                mapping[decode(key)] = decode(item)
            return mapping
    except Exception as error:  # noqa: BLE001 - DateTime and the rest raise their own kinds
        raise CodecError(f"bad value: {error}") from error
    raise CodecError(f"unknown tag in {sorted(value)[:3]}")
