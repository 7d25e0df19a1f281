"""Facet counts over a search's core records, kept per process while the catalog is unchanged.

The core of a search (its type, fixed states, the user's roles, effective now)
is the same for most searches: every teacher sees the same profiles. Its
counts per facet value are kept with a copy of the core they were counted over
and the committed serials of the catalog's and the index's change counters
(entries.committed_state); they are used only for an equal core (checked
record by record, in C, once per search) in the same committed state. A facet
whose base is most of the core is then counted as the core's counts less those
of the few core records outside the base, instead of over the whole base.
"""

from Acquisition import aq_base
from BTrees.IIBTree import intersection
from BTrees.IIBTree import IISet
from collections import OrderedDict
from collective.twinning.search.entries import committed_state
from threading import Lock
from weakref import WeakKeyDictionary


# Counts a database keeps at most (per index and core), and record ids in the copies of
# their cores (each copy counted once, however many counts share it: 4 bytes a record).
MAX_KEPT = 256
MAX_RECORDS = 2_000_000
# Smaller cores are counted each time: under a millisecond per facet.
KEEP_FROM = 2_000

_lock = Lock()
_by_database = WeakKeyDictionary()  # ZODB DB -> _Kept


class _Kept:
    """One database's counts, oldest first: key -> (core copy, counts)."""

    def __init__(self):
        self.counts = OrderedDict()
        self.sharing = {}  # id of a core copy -> how many counts share it
        self.records = 0

    def get(self, key):
        found = self.counts.get(key)
        if found is not None:
            self.counts.move_to_end(key)
        return found

    def put(self, key, core_copy, counts: dict) -> None:
        if len(core_copy) > MAX_RECORDS:
            return
        self._drop(key)
        self.counts[key] = (core_copy, counts)
        self.sharing[id(core_copy)] = self.sharing.get(id(core_copy), 0) + 1
        if self.sharing[id(core_copy)] == 1:
            self.records += len(core_copy)
        while len(self.counts) > MAX_KEPT or self.records > MAX_RECORDS:
            self._drop(next(iter(self.counts)))

    def _drop(self, key) -> None:
        found = self.counts.pop(key, None)
        if found is None:
            return
        core_copy = found[0]
        self.sharing[id(core_copy)] -= 1
        if not self.sharing[id(core_copy)]:  # no count holds the copy (nor its id) any more
            del self.sharing[id(core_copy)]
            self.records -= len(core_copy)


class CoreCounts:
    """The kept counts of one search's core."""

    def __init__(self, catalog, core):
        self.catalog = catalog
        self.core = core
        self._copy = None  # this core's copy, made when first kept
        self._equal = {}  # id of a kept core copy -> (that copy, whether it equals this core)

    def _key(self, index, values):
        """(database, key) of the counts of these values, or None when they cannot be kept
        (a small core; this transaction changed the catalog or the index)."""
        if len(self.core) < KEEP_FROM:
            return None
        state = committed_state(self.catalog, index)
        if state is None:
            return None
        database = aq_base(index)._p_jar.db()
        return database, (aq_base(index)._p_oid, state, tuple(values), len(self.core))

    def _same_core(self, counted_core) -> bool:
        known = self._equal.get(id(counted_core))
        if known is not None:
            return known[1]
        same = len(intersection(counted_core, self.core)) == len(self.core)
        self._equal[id(counted_core)] = (counted_core, same)  # held: its id stays its own
        return same

    def kept(self, index, values) -> dict | None:
        """The counts kept for this core (not to be changed), or None."""
        where = self._key(index, values)
        if where is None:
            return None
        database, key = where
        with _lock:
            kept = _by_database.get(database)
            found = kept.get(key) if kept is not None else None
        if found is None or not self._same_core(found[0]):
            return None
        return found[1]

    def keep(self, index, values, counts: dict) -> None:
        where = self._key(index, values)
        if where is None:
            return
        database, key = where
        if self._copy is None:
            self._copy = IISet(self.core)
            self._equal[id(self._copy)] = (self._copy, True)
        with _lock:
            _by_database.setdefault(database, _Kept()).put(key, self._copy, dict(counts))


def clear() -> None:
    """Forget every kept count (tests)."""
    with _lock:
        _by_database.clear()
