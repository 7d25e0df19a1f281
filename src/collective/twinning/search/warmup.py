"""Loading what the directory searches read into a process's connections when it starts.

A ZODB connection loads each catalog bucket the first time a search reads it, and
keeps it in its object cache. On a fresh connection the first searches of a large
directory therefore load thousands of buckets each (200 000 profiles: the first
people search took 5.3 s, the first 200 a p95 of 96 ms against 35 ms once warmed;
README, "Sizing"). When Zope opens its database, a background thread opens the
connections the process will serve from (``warmup-connections`` of the
``collective.twinning`` product-config, default 1, at most the pool's size; 0 turns
it off), loads into each the record tables (``_unindex``) of the indexes the four
searches read (counting their records for costs.indexed_records on the way), the
catalog's paths and metadata of the directory's own items, then the indexes'
entries, and gives them back to the pool. It loads at most 80 % of a connection's
cache target (what goes beyond the target is evicted when a transaction ends) and
never the text index, which every page and file of every TwinSpace shares. With the
first connection it also makes what the process keeps for all of them: the flat
copies of the shared entries (entries.py) and the bit masks of the facets' values
(bitmaps.py).
"""

from Acquisition import aq_base
from App.config import getConfiguration
from collective.twinning.search import bitmaps
from collective.twinning.search import specs
from collective.twinning.search.clauses import READABLE
from collective.twinning.search.costs import indexed_records
from collective.twinning.search.entries import entry_sets
from itertools import chain
from plone.base.interfaces import IPloneSiteRoot
from threading import Thread

import logging
import time
import transaction


logger = logging.getLogger(__name__)

SEARCHES = (specs.PEOPLE, specs.ORGANISATIONS, specs.POSTINGS, specs.PROJECTS)
# What every search reads besides its own filters and sortings.
COMMON_INDEXES = ("portal_type", "allowedRolesAndUsers", "effectiveRange", "age_from", "age_to")
DEFAULT_CONNECTIONS = 1
CACHE_SHARE = 0.8  # of a connection's cache target, what the warm-up may fill
# allowedRolesAndUsers: its ``user:`` tokens sort between these two keys.
USER_TOKENS = "user:"
AFTER_USERS = "user;"


def search_indexes(searches=SEARCHES) -> list[str]:
    """The ids of the non-text indexes the searches read, each once: those their clauses
    read first, then those they only sort by. The budget may run out before the last:
    a sort index has an entry per title, and a clause's entries cost a search more when
    they must be loaded (a ``registered_since`` range unites a year of ``created``'s)."""
    names = list(COMMON_INDEXES)
    for spec in searches:
        names.extend(spec.fixed)
        names.extend(f.index for f in spec.filters if f.kind != "text")
    for spec in searches:
        names.extend(index for index, _order in spec.sorting.choices.values())
    return list(dict.fromkeys(names))


def directory_records(catalog, searches=SEARCHES) -> list[int]:
    """The record ids of the searches' items (every type they find), in order."""
    by_type = catalog.getIndex("portal_type")._index
    rids = set()
    for spec in searches:
        entry = by_type.get(spec.portal_type)
        if entry is not None:
            rids.update(entry.keys() if hasattr(entry, "keys") else (entry,))
    return sorted(rids)


class _Budget:
    """Whether the warm-up has loaded fewer objects into a connection than it may. Counted
    from what the cache held when it began: what was there before and is used no more goes
    first when a transaction ends and the cache is cut back to its target (ghosts, the
    references of loaded objects, count towards neither)."""

    def __init__(self, connection):
        self.cache = connection._cache
        self.before = self.cache.cache_non_ghost_count
        self.most = int(self.cache.cache_size * CACHE_SHARE)

    def left(self) -> bool:
        return self.cache.cache_non_ghost_count - self.before < self.most


def shared_values(index) -> list:
    """The index's values but the ``user:`` tokens of allowedRolesAndUsers (one user's few
    records each, read by that user's searches alone)."""
    table = index._index
    if index.getId() == "allowedRolesAndUsers":
        return list(chain(table.keys(max=USER_TOKENS, excludemax=True),
                          table.keys(min=AFTER_USERS)))
    return list(table.keys())


def shared_entries(index) -> list:
    """The entries of the index's shared_values."""
    table = getattr(index, "_index", None)
    if table is None:  # a date range index: its queries read only the ends of its trees
        return []
    if not hasattr(table, "items"):  # a boolean index: one tree set
        return [table]
    if index.getId() == "allowedRolesAndUsers":
        return [table[value] for value in shared_values(index)]
    return list(table.values())  # every value's: no lookup a value (sort indexes have many)


def _load(entry) -> None:
    if hasattr(entry, "_p_activate"):
        len(entry)  # walks, so loads, every bucket of a tree set


def warm_site(site) -> dict:
    """Load what the searches read of this site's catalog into the site's connection,
    most read first, until the budget is spent: the record tables of the indexes (the
    values of the records a search reads), the paths and metadata of the directory's
    items (its result pages), the indexes' entries. Returns what was loaded."""
    catalog = aq_base(site.portal_catalog)._catalog
    budget = _Budget(aq_base(site)._p_jar)
    warmed = {"record_tables": [], "records": 0, "entries": []}
    indexes = [(index_id, catalog.indexes[index_id]) for index_id in search_indexes()
               if hasattr(aq_base(catalog.indexes.get(index_id)), "_unindex")]
    for index_id, index in indexes:
        if not budget.left():
            return warmed
        len(index._unindex)  # walks, so loads, every bucket (the count may be kept already)
        indexed_records(index)
        warmed["record_tables"].append(index_id)
    paths, data = catalog.paths, catalog.data
    for count, rid in enumerate(directory_records(catalog), 1):
        if count % 1000 == 0 and not budget.left():
            return warmed
        paths.get(rid)
        data.get(rid)
        warmed["records"] = count
    for index_id, index in indexes:
        for entry in shared_entries(index):
            if not budget.left():
                return warmed
            _load(entry)
        warmed["entries"].append(index_id)
    return warmed


def clause_indexes(searches=SEARCHES) -> dict:
    """The field and keyword indexes the searches' plain clauses read (index id -> whether
    a facet counts its values): type, fixed states, roles and the facets' filters."""
    found = {"portal_type": False, "allowedRolesAndUsers": False}
    for spec in searches:
        for index_id in spec.fixed:
            found.setdefault(index_id, False)
        for spec_filter in spec.filters:
            if spec_filter.facet:
                found[spec_filter.index] = True
    return found


def warm_process(site) -> dict:
    """Make what a process keeps for every connection, for the committed state the site's
    connection sees: the flat copies of the clause indexes' entries (entries.py makes one
    the second time an entry is asked for) and the bit masks of the facets' values
    (bitmaps.py). Kept until the catalog changes (copies) or brought up to date from what
    changed (masks); without them, the first searches of a process make them, reading
    big entries' tree sets (at 200 000 profiles up to 4 s a search, 1.5 s for masks).
    Returns how many of each were made."""
    catalog = site.portal_catalog
    inner = aq_base(catalog)._catalog
    masks = bitmaps.for_catalog(catalog)
    made = {"copies": 0, "masks": 0}
    for index_id, is_facet in clause_indexes().items():
        index = inner.indexes.get(index_id)
        if getattr(index, "meta_type", "") not in READABLE:
            continue
        values = shared_values(index)
        copies = entry_sets(catalog, index, values)  # asked once in this state
        copies = entry_sets(catalog, index, values)  # asked again: copied
        made["copies"] += len(values)
        if is_facet:
            for value, copy in zip(values, copies):
                masks.mask_of(bitmaps.entry_key(index, value), copy)
            made["masks"] += len(values)
    return made


def plone_sites(app) -> list:
    return [obj for obj in app.objectValues() if IPloneSiteRoot.providedBy(obj)]


def warm_pool(db, connections: int) -> list[dict]:
    """Open so many connections at once (so each is another), warm every Plone site in
    each, and give them back to the database's pool, where requests take them from (the
    one given back last first)."""
    manager = transaction.TransactionManager()  # the caller's transaction stays its own
    opened = [db.open(transaction_manager=manager)
              for _ in range(min(connections, db.getPoolSize()))]
    warmed = []
    try:
        for number, connection in enumerate(opened):
            app = connection.root().get("Application")  # Zope made it before the event
            for site in plone_sites(app) if app is not None else ():
                if getattr(aq_base(site), "portal_catalog", None) is not None:
                    warmed.append({"site": site.getId(), **warm_site(site)})
                    if not number:  # once per process
                        warmed[-1].update(warm_process(site))
    finally:
        manager.abort()
        for connection in opened:
            connection.close()
    return warmed


def configured_connections() -> int:
    config = (getattr(getConfiguration(), "product_config", None) or {}).get(
        "collective.twinning", {}
    )
    raw = config.get("warmup-connections", DEFAULT_CONNECTIONS)
    try:
        return max(0, int(raw))
    except (TypeError, ValueError):
        logger.warning("warmup-connections %r is no number: no warm-up", raw)
        return 0


def summary(warmed: list[dict]) -> str:
    return "; ".join(
        f"{entry['site']}: {len(entry['record_tables'])} record tables, "
        f"{entry['records']} records, {len(entry['entries'])} indexes' entries"
        + (f", {entry['copies']} copies, {entry['masks']} masks" if "copies" in entry else "")
        for entry in warmed
    )


def _warm_in_background(db, connections: int) -> None:
    started = time.perf_counter()
    try:
        warmed = warm_pool(db, connections)
    except Exception:  # a warm-up that fails must not stop the process serving
        logger.exception("Warming the directory searches failed")
        return
    logger.info("Directory searches warmed in %.1f s: %s", time.perf_counter() - started,
                summary(warmed) or "no Plone site")


def database_opened(event) -> None:
    """IDatabaseOpenedWithRoot: warm the configured connections in a background thread."""
    connections = configured_connections()
    if connections:
        Thread(target=_warm_in_background, args=(event.database, connections),
               name="twinning-warmup", daemon=True).start()
