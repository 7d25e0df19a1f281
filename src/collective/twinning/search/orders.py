"""One type's records in a sort index's order, kept per process while the catalog is unchanged.

A sort index holds the records of every type: walking it from the top (results.walk)
passes all of them, and when one type's records crowd its top (the postings of the last
hours, before any project of last year) the walk passes thousands of others before it
finds a page. Here the records of one portal type are kept in the order of the catalog's
full sort, by (key, record id), with their keys, and in blocks of BLOCK records as sets:

- a page is the first records of this order that match (results.sorted_page), read in
  chunks in C, passing only that type's records;
- a range on the sort index (``created`` since a date) is a span of the order, found by
  bisecting the keys and made of the blocks inside it (one C union) and the few records
  at its ends, instead of the union of every key's entry in the range (tens of
  thousands for a date: the index's own way, ClauseSets' dearest clause).

An order is made from the type's entry in ``portal_type`` (the flat copy, entries.py)
and the sort index (its entries read in order, 62 ms for 200 000 profiles by title, or,
for a type holding few of its records, their keys sorted), the second time it is asked
for in the same committed state of the catalog and the index (entries.committed_state:
every change to the catalog changes its counter), so a portal whose catalog changes
between searches pays nothing; the oldest go beyond MAX_ORDERS or MAX_RECORDS.
"""

from Acquisition import aq_base
from array import array
from bisect import bisect_left
from bisect import bisect_right
from BTrees.IIBTree import IISet
from BTrees.IIBTree import multiunion
from collections import OrderedDict
from collective.twinning.search.costs import indexed_records
from collective.twinning.search.entries import committed_state
from collective.twinning.search.entries import entry_sets
from dataclasses import dataclass
from threading import Lock
from weakref import WeakKeyDictionary


BLOCK = 1024
# Making an order, in nanoseconds (200 000 profiles by title): a record of the type, its
# key looked up and sorted; a record of the index, read from its entries in order.
BUILD_BY_SORTING = 2000
BUILD_BY_READING = 300
# Orders one database keeps at most, and records in them (about 40 bytes each: the
# record id, the key's reference, the block sets).
MAX_ORDERS = 16
MAX_RECORDS = 2_000_000

_lock = Lock()
_by_database = WeakKeyDictionary()  # ZODB DB -> OrderedDict: key -> (state, TypeOrder | None)


@dataclass(frozen=True)
class TypeOrder:
    """rids: the type's records that have a key, by (key, record id); keys: theirs, in the
    same order; blocks: rids[i * BLOCK:(i + 1) * BLOCK] as sets."""

    rids: array
    keys: list
    blocks: list

    @classmethod
    def of(cls, index, type_rids, indexed: int) -> "TypeOrder":
        """The order of the type's records (``type_rids``) in an index holding ``indexed``
        records: read in order from the index's entries, or their keys looked up and
        sorted when the type holds few of the index's records."""
        if len(type_rids) * BUILD_BY_SORTING < indexed * BUILD_BY_READING:
            key_of = index._unindex.get
            pairs = sorted((key, rid) for rid in type_rids if (key := key_of(rid)) is not None)
            rids, keys = array("i", [rid for _key, rid in pairs]), [key for key, _rid in pairs]
        else:
            rids, keys = _read_in_order(index, type_rids)
        blocks = [IISet(rids[start:start + BLOCK]) for start in range(0, len(rids), BLOCK)]
        return cls(rids, keys, blocks)

    def __len__(self) -> int:
        return len(self.rids)

    def positions(self, low=None, high=None) -> tuple[int, int]:
        """(start, stop) of the records whose key is within [low, high] (None: unbounded)."""
        start = 0 if low is None else bisect_left(self.keys, low)
        stop = len(self.keys) if high is None else bisect_right(self.keys, high)
        return start, max(start, stop)

    def whole_blocks(self, start: int, stop: int) -> range:
        """The numbers of the blocks wholly within positions start to stop."""
        return range(-(-start // BLOCK), max(-(-start // BLOCK), stop // BLOCK))

    def ends(self, start: int, stop: int) -> array:
        """The records at positions start to stop outside its whole blocks."""
        blocks = self.whole_blocks(start, stop)
        if not blocks:
            return self.rids[start:stop]
        return self.rids[start:blocks.start * BLOCK] + self.rids[blocks.stop * BLOCK:stop]

    def span(self, start: int, stop: int) -> IISet:
        """The records at positions start to stop (excluded), as one set."""
        parts = [self.blocks[number] for number in self.whole_blocks(start, stop)]
        ends = self.ends(start, stop)
        if ends or not parts:
            parts.append(IISet(ends))
        return parts[0] if len(parts) == 1 else multiunion(parts)

    def first(self, matching, descending: bool, wanted: int, budget: int) -> list | None:
        """The first ``wanted`` records of ``matching`` in this order (reversed when
        descending), or None when they are not within the first ``budget`` records."""
        found, passed, chunk = [], 0, 64
        position = len(self.rids) if descending else 0
        contains = matching.__contains__
        while len(found) < wanted:
            size = min(chunk, budget - passed)  # never past the budget
            if size <= 0:
                return None
            if descending:
                records = self.rids[max(0, position - size):position][::-1]
                position -= len(records)
            else:
                records = self.rids[position:position + size]
                position += len(records)
            if not records:
                break
            passed += len(records)
            found.extend(filter(contains, records))
            chunk = min(chunk * 4, 16 * BLOCK)
        return found[:wanted]


RANGE_BOUNDS = {"min": (True, False), "max": (False, True), "min:max": (True, True)}


def range_bounds(index, value) -> tuple | None:
    """(low, high) of a ``{"query", "range"}`` clause in the index's own keys (None:
    unbounded), as the index bounds it: the least asked value for "min", the greatest
    for "max"; None when the clause is something else."""
    if not isinstance(value, dict) or set(value) != {"query", "range"}:
        return None
    wants = RANGE_BOUNDS.get(value["range"])
    asked = value["query"]
    asked = list(asked) if isinstance(asked, (list, tuple)) else [asked]
    convert = getattr(index, "_convert", None)  # a field, keyword or date index's
    if wants is None or not asked or convert is None:
        return None
    keys = [convert(one) for one in asked]
    if None in keys:
        return None
    return (min(keys) if wants[0] else None), (max(keys) if wants[1] else None)


def range_set(catalog, index, value, portal_type: str):
    """The records of the type within a range clause on the index, from the type's kept
    order; None when the clause is no plain range or no order is kept."""
    bounds = range_bounds(index, value)
    if bounds is None:
        return None
    order = kept_order(catalog, index, portal_type)
    if order is None:
        return None
    try:
        return order.span(*order.positions(*bounds))
    except TypeError:  # a bound the keys do not compare with: the index answers
        return None


def _read_in_order(index, type_rids) -> tuple[array, list]:
    """The type's records and their keys, read from the index's entries in key order (an
    entry's records ascending, as the catalog breaks ties)."""
    rids, keys = array("i"), []
    of_type = type_rids.__contains__
    for key, entry in index._index.items():
        if isinstance(entry, int):
            if of_type(entry):
                rids.append(entry)
                keys.append(key)
        else:
            members = list(filter(of_type, entry))
            rids.extend(members)
            keys.extend([key] * len(members))
    return rids, keys


def kept_order(catalog, index, portal_type: str, make: bool = True) -> TypeOrder | None:
    """The type's records in the index's order, when kept for this committed state;
    made (and kept) the second time it is asked for in that state, else None (and,
    ``make`` false, neither made nor marked as asked for)."""
    types = catalog._catalog.getIndex("portal_type")
    state = (committed_state(catalog, index), committed_state(catalog, types))
    if None in state:
        return None
    database = aq_base(index)._p_jar.db()
    key = (aq_base(index)._p_oid, portal_type)
    with _lock:
        orders = _by_database.setdefault(database, OrderedDict())
        found = orders.get(key)
        if found is not None and found[0] == state:
            orders.move_to_end(key)
            if found[1] is not None:
                return found[1]
            asked_before = True
        else:
            asked_before = False
    if not make:
        return None
    if not asked_before:
        with _lock:
            orders[key] = (state, None)
        return None
    type_rids = entry_sets(catalog, types, (portal_type,))[0]
    order = TypeOrder.of(index, type_rids, indexed_records(index))
    with _lock:
        orders[key] = (state, order)
        records = sum(len(kept[1]) for kept in orders.values() if kept[1] is not None)
        while len(orders) > MAX_ORDERS or records > MAX_RECORDS:
            _key, (_state, evicted) = orders.popitem(last=False)
            records -= len(evicted) if evicted is not None else 0
    return order


def clear() -> None:
    """Forget every order (tests)."""
    with _lock:
        _by_database.clear()
