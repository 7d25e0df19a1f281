"""Record sets as bit masks, to count a facet's values over many records.

A facet value's count is the size of the intersection of its entry with the
facet's base; a C intersection costs the size of both sets, so counting a
facet of many values over a large base grows with the portal. Here every
record id has a bit position (per database and process, given on first sight
and never changed), a set is a Python int with those bits set, and a count is
one AND and a bit count: about one machine word per 64 positioned records
(2.2 µs against 54 µs for a C intersection of 12 000 and 1 000 records among
20 000; 13.5 against 542 µs among 200 000).

Making a mask is a Python loop over the set (0.4–0.7 µs a record), so masks are
kept, each with the set it was made from (one not changed in place: a flat
copy, or a copy of an index's own set). When the same key (an index entry, a
search's core) comes with another set, the two are compared in C and only the
records that came or went change bits; the same set object (the flat copies of
entries.py, shared while the index is unchanged) costs nothing. A mask always
equals the set it was asked for, in whatever state the transaction sees.
"""

from Acquisition import aq_base
from BTrees.IIBTree import difference
from BTrees.IIBTree import IISet
from collections import OrderedDict
from threading import Lock
from weakref import WeakKeyDictionary


# Masks one database keeps at most, and their bytes at most (each about positions / 8:
# 25 kB at 200 000 records).
MAX_MASKS = 1_000
MAX_BYTES = 64_000_000
# Positions are never reused; once they outnumber the catalog's records by this much
# (records removed and added again), the database's positions and masks start afresh.
MAX_POSITIONS_PER_RECORD = 2
# A kept mask is brought up to date from the records that came and went while they are
# at most this share of the set (else the mask is made again).
MAX_CHANGED_SHARE = 0.25

_lock = Lock()
_by_database = WeakKeyDictionary()  # ZODB DB -> Bitmaps


class Bitmaps:
    """One database's positions and kept masks. A request takes it once
    (``for_catalog``) and makes every mask it combines from it: masks of two
    (positions started afresh in between) do not combine."""

    def __init__(self):
        self.positions = {}  # record id -> bit position
        self.kept = OrderedDict()  # key -> (the set the mask was made from, the mask)
        self.bytes = 0

    def bits(self, rids) -> int:
        """The mask of a set of record ids (not kept), positioning those new to it."""
        positions = self.positions
        new = [rid for rid in rids if rid not in positions]
        if new:
            with _lock:
                for rid in new:
                    positions.setdefault(rid, len(positions))
        buffer = bytearray(len(positions) // 8 + 1)
        for position in map(positions.__getitem__, rids):
            buffer[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(buffer, "little")

    def mask_of(self, key, rids) -> int:
        """The mask of ``rids`` (a set not changed afterwards; an index's own set is
        copied), kept under ``key`` and made from the mask kept there when it can be."""
        with _lock:
            found = self.kept.get(key)
            if found is not None:
                self.kept.move_to_end(key)
        if found is not None and found[0] is rids:
            return found[1]
        source = IISet(rids) if getattr(rids, "_p_oid", None) is not None else rids
        mask = None
        if found is not None:
            came, went = difference(source, found[0]), difference(found[0], source)
            if len(came) + len(went) <= MAX_CHANGED_SHARE * len(source):
                mask = found[1] ^ self.bits(came) ^ self.bits(went)
        if mask is None:
            mask = self.bits(source)
        with _lock:
            old = self.kept.pop(key, None)
            if old is not None:
                self.bytes -= _size(old[1])
            self.kept[key] = (source, mask)
            self.bytes += _size(mask)
            while len(self.kept) > MAX_MASKS or self.bytes > MAX_BYTES:
                _key, (_source, evicted) = self.kept.popitem(last=False)
                self.bytes -= _size(evicted)
        return mask


def _size(mask: int) -> int:
    return mask.bit_length() // 8 + 1


def entry_key(index, value) -> tuple:
    """The key of the mask of an index's entry for a value."""
    return ("entry", aq_base(index)._p_oid, value)


def for_catalog(catalog) -> Bitmaps:
    """The catalog's database's Bitmaps, started afresh when its positions outgrew the
    catalog (positions are never reused)."""
    database = aq_base(catalog)._p_jar.db()
    limit = MAX_POSITIONS_PER_RECORD * len(catalog._catalog) + 1000
    with _lock:
        bitmaps = _by_database.get(database)
        if bitmaps is None or len(bitmaps.positions) > limit:
            bitmaps = _by_database[database] = Bitmaps()
        return bitmaps


def clear() -> None:
    """Forget every position and mask (tests)."""
    with _lock:
        _by_database.clear()
