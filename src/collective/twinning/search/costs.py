"""Measured costs of the catalog operations a search chooses between.

In nanoseconds, on 20 000 profiles (2026-11-28): reading one record's values
from an index (a keyword index records several, a field index one); one step of
a C set intersection, over a value's entry and over the matching set (BTrees
merge both, whatever their sizes); looking one record of an entry up in the
matching set (better for rare values); counting one value with bit masks
(bitmaps.py: a call, and a step per 64 positioned records).

How many records an index holds (``numObjects``) walks every bucket of its record
table, which on a connection that has not read them yet means loading them all
(about 5 s for the first search of a process at 200 000 profiles): the count is
kept per process for the index's committed state (indexed_records).
"""

from Acquisition import aq_base
from collective.twinning.search.entries import counter_serial
from threading import Lock
from weakref import WeakKeyDictionary

READ_KEYWORD_RECORD = 500
READ_FIELD_RECORD = 200
STEP_PER_INDEXED = 25
STEP_PER_MATCH_AND_VALUE = 3
PROBE = 90
MASK_PER_VALUE = 300
MASK_PER_WORD = 5

_lock = Lock()
_counts = WeakKeyDictionary()  # ZODB DB -> {index oid: (committed serial, records)}


def is_keyword(index) -> bool:
    return getattr(index, "meta_type", "") == "KeywordIndex"


def read_cost(index) -> int:
    """Reading one record's values from the index."""
    return READ_KEYWORD_RECORD if is_keyword(index) else READ_FIELD_RECORD


def reading_is_cheaper(index, records: int) -> bool:
    """Reading the values of so many records beats going through the index's
    entries, which costs at least a step per indexed record."""
    return read_cost(index) * records < STEP_PER_INDEXED * indexed_records(index)


def indexed_records(index) -> int:
    """index.numObjects(), counted once per process for each committed state of the
    index (its change counter's serial); counted afresh in a transaction that changed it.
    A field index drops a record whose value became None without counting a change, so the
    kept count may be over by such records until the next change it counts: the count only
    chooses the cheaper way, never what a search finds."""
    serial = counter_serial(index)
    if serial is None:
        return index.numObjects()
    database, oid = aq_base(index)._p_jar.db(), aq_base(index)._p_oid
    with _lock:
        found = _counts.get(database, {}).get(oid)
    if found is not None and found[0] == serial:
        return found[1]
    records = index.numObjects()
    with _lock:
        _counts.setdefault(database, {})[oid] = (serial, records)
    return records


def entry_costs(length: int, size: int) -> tuple[int, int]:
    """(merging, probing) an entry of ``length`` records with a set of ``size``."""
    return STEP_PER_MATCH_AND_VALUE * size + STEP_PER_INDEXED * length, PROBE * length


def mask_cost(values: int, positions: int) -> int:
    """Counting so many values over a base with bit masks of so many positions."""
    return values * (MASK_PER_VALUE + MASK_PER_WORD * (positions // 64 + 1))


def clear() -> None:
    """Forget the kept counts (tests)."""
    with _lock:
        _counts.clear()
