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


# The keys each tag may come with; any other key is refused.
TAG_KEYS = {
    "$DateTime": {"$DateTime", "tz"},
    "$datetime": {"$datetime"},
    "$date": {"$date"},
    "$length": {"$length"},
    "$auditlog": {"$auditlog"},
    "$tuple": {"$tuple"},
    "$list": {"$list", "persistent"},
    "$mapping": {"$mapping", "items"},
}


def _tag_of(value: dict) -> str:
    tags = [key for key in value if key in TAG_KEYS]
    if len(tags) != 1 or set(value) - TAG_KEYS[tags[0]]:
        raise CodecError(f"unknown tag in {sorted(value)[:3]}")
    return tags[0]


def _items(value, tag: str) -> list:
    items = value[tag]
    if not isinstance(items, list):
        raise CodecError(f"{tag} holds no list")
    return items


def _text(value, tag: str) -> str:
    if not isinstance(value[tag], str):
        raise CodecError(f"{tag} holds no text")
    return value[tag]


def _decode_tagged(value: dict, tag: str):
    match tag:
        case "$DateTime":
            moment = DateTime(_text(value, tag))
            zone = value.get("tz")
            if zone is not None and not isinstance(zone, str):
                raise CodecError("tz holds no text")
            return moment.toZone(zone) if zone else moment
        case "$datetime":
            return datetime.fromisoformat(_text(value, tag))
        case "$date":
            return date.fromisoformat(_text(value, tag))
        case "$length":
            if not isinstance(value[tag], int) or isinstance(value[tag], bool):
                raise CodecError("$length holds no integer")
            return Length(value[tag])
        case "$auditlog":
            entries = decode(value[tag])
            if not isinstance(entries, OOBTree) or not all(isinstance(e, dict) for e in entries.values()):
                raise CodecError("an audit log holds entries")
            log = AuditLog()
            log.entries.update(entries)
            log.size.change(len(entries))
            return log
        case "$tuple":
            return tuple(decode(item) for item in _items(value, tag))
        case "$list":
            items = [decode(item) for item in _items(value, tag)]
            return PersistentList(items) if value.get("persistent") else items
        case "$mapping":
            kind = MAPPINGS.get(value[tag]) if isinstance(value[tag], str) else None
            if kind is None:
                raise CodecError(f"unknown mapping {value[tag]!r}")
            mapping = kind()
            for pair in _items(value, "items"):
                if not isinstance(pair, list) or len(pair) != 2:
                    raise CodecError("a mapping item is no [key, value] pair")
                mapping[decode(pair[0])] = decode(pair[1])
            return mapping


def decode(value):
    """Back from ``encode``; anything else (an unknown tag, a malformed value) is refused with CodecError."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        raise CodecError("a bare list")
    if not isinstance(value, dict) or not value:
        raise CodecError("not a tagged value")
    tag = _tag_of(value)
    try:
        return _decode_tagged(value, tag)
    except CodecError:
        raise
    except RecursionError:
        raise CodecError("nested too deep") from None
    except Exception as error:  # any kind: DateTime, dates and BTrees raise their own kinds
        raise CodecError(f"bad {tag} value: {error}") from None
