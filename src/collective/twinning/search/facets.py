"""What searches keep per committed state of the catalog, as Roaring bitmaps: records per index clause, per
search and user, sort orders; and the facet counts made from them."""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from collections import OrderedDict
from collective.twinning.search.pages import SortOrder
from collective.twinning.search.rids import Positions
from collective.twinning.search.rids import record_ids
from Products.CMFCore.permissions import AccessInactivePortalContent
from Products.CMFCore.utils import _checkPermission
from pyroaring import BitMap
from threading import Lock
from weakref import WeakKeyDictionary
from ZODB.broken import find_global
from ZODB.serialize import ObjectReader

import time


RANGED = ("DateIndex", "FieldIndex")  # single-valued indexes whose range clauses the kept order answers
MAX_KEPT = 1024  # searches and free-text clauses kept per state
_lock = Lock()
_kept = WeakKeyDictionary()  # ZODB DB -> {catalog oid: ValueBitmaps of its newest state}


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
    """One committed state's bitmaps of record positions, each made when first asked for: (index id,
    clause) -> the records the index finds, (query, who, minute) -> what ``searchResults`` found,
    index -> its order."""

    def __init__(self, state=None):
        self.state, self.bitmaps, self.found, self.orders = state, {}, OrderedDict(), {}
        self._positions, self.ranged = None, set()

    def positions(self, catalog) -> Positions:
        if self._positions is None:
            self._positions = Positions(catalog)
        return self._positions

    def get(self, catalog, index_id: str, value) -> BitMap:
        key = (index_id, frozen(value))
        found = self.bitmaps.get(key)
        if found is None:
            index = catalog._catalog.getIndex(index_id)  # in its catalog (a text index finds its lexicon)
            found = self._in_range(catalog, index, value)
            if found is None:
                result = index._apply_index({index_id: value})  # plug-in index API
                found = self.positions(catalog).bitmap(result[0] if result else ())
            with _lock:
                if len(self.bitmaps) >= MAX_KEPT:  # free-text clauses: start again rather than grow
                    self.bitmaps.clear()
                self.bitmaps[key] = found
        return found

    def _in_range(self, catalog, index, clause) -> BitMap | None:
        """A range clause's records from the index's kept order (None when there is none): from
        the second range asked of an index in this state, as one costs less than an order."""
        bounds = range_bounds(index, clause)
        if bounds is None or self.state is None:
            return None
        if index.getId() not in self.orders and index.getId() not in self.ranged:
            self.ranged.add(index.getId())
            return None
        order = self.order(catalog, index)
        try:
            return order.within(*bounds) if order is not None else None
        except TypeError:  # bounds that do not compare with the keys: the index answers
            return None

    def search(self, catalog, query: dict):
        """The records ``searchResults(query)`` finds for the current user, as a bitmap (None when
        searchResults keeps its record ids to itself), kept for who the user is in this minute."""
        key = (frozen(query), *searcher(catalog))
        with _lock:
            kept = self.found.get(key)
            if kept is not None:
                self.found.move_to_end(key)
                return kept
        rids = record_ids(catalog.searchResults(query))
        if rids is None:
            return None
        found = self.positions(catalog).bitmap(rids)
        if key[-1] == minute():  # not across the minute effectiveRange rounds its date to
            with _lock:
                self.found[key] = found
                if len(self.found) > MAX_KEPT:
                    self.found.popitem(last=False)
        return found

    def order(self, catalog, index) -> SortOrder | None:
        """The index's records in sort order; None in a transaction that changed the catalog
        (nobody keeps them) or when the index's keys do not compare."""
        if self.state is None:
            return None
        kept = self.orders.get(index.getId(), False)
        if kept is False:
            try:
                kept = SortOrder(index, self.positions(catalog))
            except TypeError:
                kept = None
            self.orders[index.getId()] = kept
        return kept


def range_bounds(index, clause) -> tuple | None:
    """(lowest, highest) key of a plain range clause on a field or date index, in the index's
    own keys as its range search converts them (None: unbounded), or None for another clause."""
    if index.meta_type not in RANGED or not isinstance(clause, dict) or set(clause) != {"query", "range"}:
        return None
    values = clause["query"] if isinstance(clause["query"], (list, tuple)) else [clause["query"]]
    try:
        keys = [index._convert(value) for value in values]  # UnIndex's conversion of query values
        low = min(keys) if "min" in clause["range"] else None
        high = max(keys) if "max" in clause["range"] else None
    except (TypeError, ValueError):  # no values, or values that do not compare
        return None
    return low, high or None  # a false upper bound is no bound to UnIndex either


def frozen(value):
    """A catalog clause as a dictionary key."""
    if isinstance(value, dict):
        return tuple(sorted((key, frozen(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple, set)):
        return tuple(frozen(item) for item in value)
    return repr(value)


def minute() -> int:
    return int(time.time() // 60)


def searcher(catalog) -> tuple:
    """What ``searchResults`` adds to a query for the current user: their id, roles and groups
    (allowedRolesAndUsers) and whether they see inactive content (effectiveRange, by the minute)."""
    user = getSecurityManager().getUser()
    roles = tuple(sorted(user.getRoles()))
    inactive = bool(_checkPermission(AccessInactivePortalContent, catalog))
    if "Anonymous" in roles:  # as for searchResults: nothing else counts (nor can be asked)
        return None, roles, (), inactive, minute()
    groups = user.getGroups() if hasattr(user, "getGroups") else ()
    return user.getId(), roles, tuple(sorted(groups)), inactive, minute()


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


def facet_counts(
    catalog, kept: ValueBitmaps, base: BitMap, chosen: dict, facets: dict
) -> tuple[BitMap, dict]:
    """The records of ``base`` with every chosen index's values (chosen: index -> values), and per
    facet (name -> (index, values)) each value's count among them, its own choice left out."""

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
