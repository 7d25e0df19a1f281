"""Facet counts: each facet value's records as a Roaring bitmap, kept per committed state of the catalog."""

from Acquisition import aq_base
from array import array
from pyroaring import BitMap
from threading import Lock
from weakref import WeakKeyDictionary
from ZODB.broken import find_global
from ZODB.serialize import ObjectReader
from ZTUtils.Lazy import LazyMap


_lock = Lock()
_kept = WeakKeyDictionary()  # ZODB DB -> {catalog oid: ValueBitmaps of its newest state}


def as_bitmap(rids) -> BitMap:
    """A bitmap of catalog record ids (signed 32-bit, kept as their unsigned bit patterns)."""
    return BitMap(array("I", array("i", rids).tobytes()))


def as_rids(bitmap: BitMap) -> array:
    """The record ids of a bitmap in ascending order, as an IISet of them iterates."""
    rids = array("i", bitmap.to_array().tobytes())  # the negative ones come last
    positive = bitmap.rank(2**31 - 1)
    return rids[positive:] + rids[:positive]


def record_ids(results):
    """The record ids of an unsorted, unbatched ``searchResults``, ascending: ZCatalog keeps them
    in its lazy result (a text query's as (score, rid) by score); None for another result."""
    if not len(results):
        return []
    rids = getattr(results, "_seq", None)
    if not isinstance(results, LazyMap) or rids is None:
        return None
    if isinstance(rids[0], tuple):
        return sorted(rid for _score, rid in rids)
    return rids if isinstance(rids[0], int) else None


def counter_state(catalog) -> tuple | None:
    """(getCounter(), the counter's serial), or None when this transaction changed it."""
    value = catalog.getCounter()
    counter = getattr(aq_base(catalog), "_counter", None)
    if counter is None or counter._p_oid is None or counter._p_changed:
        return None
    return value, counter._p_serial


def is_committed(catalog, state) -> bool:
    """Whether the storage holds the counter's value at its serial: a savepoint leaves a
    changed counter looking unchanged, with the serial it had before."""
    counter = aq_base(catalog)._counter
    try:
        stored = aq_base(catalog)._p_jar.db().storage.loadSerial(counter._p_oid, state[1])
    except Exception:  # a serial the storage no longer has (RelStorage without history)
        return False
    reader = ObjectReader(factory=lambda _connection, module, name: find_global(module, name))
    return reader.getState(stored) == state[0]


class ValueBitmaps:
    """One committed state's bitmaps, (index id, value) -> BitMap, each made when first asked for."""

    def __init__(self, state=None):
        self.state, self.bitmaps = state, {}

    def get(self, catalog, index_id: str, value) -> BitMap:
        key = (index_id, value)
        found = self.bitmaps.get(key)
        if found is None:
            result = catalog.Indexes[index_id]._apply_index({index_id: value})  # plug-in index API
            found = self.bitmaps[key] = as_bitmap(result[0] if result else ())
        return found


def value_bitmaps(catalog) -> ValueBitmaps:
    """The process's bitmaps for the committed state the transaction sees (fresh ones, kept by
    no one, in a transaction that changed the catalog or on an older snapshot than kept)."""
    state = counter_state(catalog)
    if state is None:
        return ValueBitmaps()
    base = aq_base(catalog)
    with _lock:
        by_catalog = _kept.setdefault(base._p_jar.db(), {})
        kept = by_catalog.get(base._p_oid)
    if kept is not None and kept.state == state:
        return kept
    if (kept is not None and kept.state[0] > state[0]) or not is_committed(catalog, state):
        return ValueBitmaps()
    fresh = ValueBitmaps(state)
    with _lock:
        by_catalog[base._p_oid] = fresh
    return fresh


def facet_counts(catalog, base: BitMap, chosen: dict, facets: dict) -> tuple[BitMap, dict]:
    """The records of ``base`` with every chosen index's values (chosen: index -> values), and per
    facet (name -> (index, values)) each value's count among them, its own choice left out."""
    kept = value_bitmaps(catalog)

    def bitmap(index_id, value):
        return kept.get(catalog, index_id, value)

    narrowing = {
        index_id: BitMap.union(*(bitmap(index_id, value) for value in values))
        for index_id, values in chosen.items()
    }
    matching = narrowed(base, narrowing.values())
    counts = {}
    for name, (index_id, values) in facets.items():
        within = matching
        if index_id in narrowing:  # its own choice left out
            within = narrowed(base, (rids for other, rids in narrowing.items() if other != index_id))
        found = ((value, within.intersection_cardinality(bitmap(index_id, value))) for value in values)
        counts[name] = {value: count for value, count in found if count}
    return matching, counts


def narrowed(base: BitMap, bitmaps) -> BitMap:
    for rids in bitmaps:
        base = base & rids
    return base


def naive_counts(catalog, query: dict, facets: dict) -> dict:
    """The same counts, one ``searchResults`` per facet value (when it keeps its record ids to itself)."""
    counts = {}
    for name, (index_id, values) in facets.items():
        others = {key: clause for key, clause in query.items() if key != index_id}
        found = ((value, len(catalog.searchResults({**others, index_id: value}))) for value in values)
        counts[name] = {value: count for value, count in found if count}
    return counts
