"""The record ids matching each clause of a search, worked out once per request.

The catalog's own search would apply the same clauses again for the items,
then the facets once more; here each clause is applied once, with the security
clauses ``CatalogTool.searchResults`` adds for the current user
(``allowedRolesAndUsers`` and, unless they may see it, ``effectiveRange``), and
the items and every facet are intersections of these sets. A plain clause on a
field or keyword index ("any of these values") is the union of its values'
entries, taken from the process's flat copies (entries.py); any other asks its
index (``_apply_index``, the catalog's plug-in index API; a text index's words
without their scores, text.py) and, as in the
catalog's search, an index that can limit its work to the records found so far
is given them (the effective date range of the whole portal costs more than
that of one type's records). Every set is within the core set of the search
(type, text, security). Once the records found so far are few (a name typed in
the text box), a plain clause is checked by reading each record's values from
its index instead, the user's roles among them.
"""

from AccessControl import getSecurityManager
from BTrees.IIBTree import intersection
from BTrees.IIBTree import IISet
from BTrees.IIBTree import multiunion
from collective.twinning.search.costs import is_keyword
from collective.twinning.search.costs import reading_is_cheaper
from collective.twinning.search.entries import as_set
from collective.twinning.search.entries import entry_sets
from collective.twinning.search.orders import range_bounds
from collective.twinning.search.orders import range_set
from collective.twinning.search.text import text_set
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from itertools import compress
from itertools import islice
from itertools import repeat
from operator import not_
from Products.PluginIndexes.interfaces import ILimitedResultIndex


def security_clauses(catalog, query: dict) -> dict:
    """What CatalogTool.searchResults adds to a query for the current user.

    The user is the security manager's, as the catalog takes it: plone.api's
    ``get_current`` wraps it as a member first, which costs more than a typed name's
    clauses."""
    user = getSecurityManager().getUser()
    clauses = {"allowedRolesAndUsers": catalog._listAllowedRolesAndUsers(user)}
    show_inactive = query.get("show_inactive")
    if show_inactive is None:
        show_inactive = catalog.allow_inactive(query)
    if not show_inactive:
        clauses["effectiveRange"] = DateTime()
    return clauses


# Indexes whose records' values (``_unindex``) a plain clause can be checked against.
READABLE = ("FieldIndex", "KeywordIndex")
PLAIN = (str, bool)


def plain_values(value):
    """The values an "any of these" clause accepts, or None when it is more than that
    (a range, an "and", a negation…) and only its index can answer it."""
    if isinstance(value, dict):
        if set(value) - {"query", "operator"} or value.get("operator", "or") != "or":
            return None
        value = value.get("query")
    if isinstance(value, PLAIN):
        return frozenset((value,))
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, PLAIN) for v in value):
        return frozenset(value)
    return None


def clause_set(catalog, index_id: str, value, within=None):
    """The record ids matching one clause of a query (among ``within``, when given).

    A plain clause on a field or keyword index is the union of its values' entries,
    read from the process's flat copies (entries.py); others ask the index."""
    index = catalog._catalog.getIndex(index_id)
    return _clause_set(catalog, index, index_id, value, plain_on(index, value), within)


def plain_on(index, value):
    """plain_values of the clause, when its index is one whose entries and records are read;
    a range over few of the index's keys is any of those keys (range_keys)."""
    if getattr(index, "meta_type", "") not in READABLE:
        return None
    wanted = plain_values(value)
    return range_keys(index, value) if wanted is None else wanted


# A range holding at most so many of its index's keys (an age: 3 to 20) is read as "any of
# these keys": their entries come from the flat copies, and masks are kept of them, as for
# a choice; a wider one (a date) is left to its index.
MAX_RANGE_KEYS = 32


def range_keys(index, value) -> frozenset | None:
    """The index's keys within a range clause (orders.range_bounds), or None when there are
    more than MAX_RANGE_KEYS of them or the clause is no such range."""
    bounds = range_bounds(index, value)
    if bounds is None:
        return None
    try:
        keys = list(islice(index._index.keys(*bounds), MAX_RANGE_KEYS + 1))
    except TypeError:  # a bound the index's keys do not compare with: the index answers
        return None
    return frozenset(keys) if len(keys) <= MAX_RANGE_KEYS else None


def _clause_set(catalog, index, index_id: str, value, wanted, within, portal_type=None):
    if wanted is not None:
        entries = entry_sets(catalog, index, tuple(wanted))
        rids = entries[0] if len(entries) == 1 else multiunion(entries)
        return rids if within is None else intersection(within, rids)
    if isinstance(value, str) and is_text(index):
        rids = text_set(index, value)  # every search sorts by an index: no scores
        return rids if within is None else intersection(within, rids)
    # A range on a sort index (a date) over the records of the search's type, which every
    # set of the search lies in: a span of the type's kept order (orders.py).
    rids = None if portal_type is None else range_set(catalog, index, value, portal_type)
    if rids is not None:
        return rids if within is None else intersection(within, rids)
    if within is not None and ILimitedResultIndex.providedBy(index):
        result = index._apply_index({index_id: value}, within)
    else:
        result = index._apply_index({index_id: value})
    if result is None:
        raise ValueError(f"Index {index_id} cannot answer {value!r}.")
    rids = as_set(result[0])
    return rids if within is None else intersection(within, rids)


def read_clause(index, wanted: frozenset, within):
    """The records of ``within`` whose values in the index include one of ``wanted``,
    read record by record (in C: map, compress)."""
    recorded = map(index._unindex.get, within, repeat(()))
    if is_keyword(index):
        keeps = map(not_, map(wanted.isdisjoint, recorded))
    else:
        keeps = map(wanted.__contains__, recorded)
    return IISet(compress(within, keeps))


def narrowed(catalog, index_id: str, value, within=None, portal_type=None):
    """clause_set, reading the values of few records instead when the clause is plain.

    portal_type: the single type the whole search is limited to (its other clauses may
    then leave out records of other types)."""
    index = catalog._catalog.getIndex(index_id)
    wanted = plain_on(index, value)
    if within is not None and wanted is not None and reading_is_cheaper(index, len(within)):
        return read_clause(index, wanted, within)
    return _clause_set(catalog, index, index_id, value, wanted, within, portal_type)


def intersect_all(sets):
    result = None
    for rids in sets:
        result = rids if result is None else intersection(result, rids)
        if not result:
            return IISet()
    return IISet() if result is None else result


# Text first: what a person types finds few records, which the other clauses may then
# read. The user's roles next: their union is a flat set, which the index's own entries
# (BTrees tree sets, read in a transaction that changed the catalog) intersect with
# faster than with each other. The effective range last: it limits its work to the
# records found before it.
TEXT = ("ZCTextIndex",)
FIRST = ("allowedRolesAndUsers",)
LAST = ("effectiveRange",)


def is_text(index) -> bool:
    return getattr(index, "meta_type", "") in TEXT


def _order(catalog):
    def rank(clause) -> int:
        index_id = clause[0]
        if is_text(catalog._catalog.getIndex(index_id)):
            return 0
        return 1 if index_id in FIRST else 3 if index_id in LAST else 2
    return rank


def core_key(catalog, core: dict) -> str | None:
    """What makes cores alike: their clauses but the time (effectiveRange) and the
    ``user:`` tokens among the roles (the user's and their groups': teachers' cores differ
    by their own few records); None for a core with a text clause, what a person typed,
    alike to no other search's."""
    alike = {}
    for index_id, value in core.items():
        if is_text(catalog._catalog.getIndex(index_id)):
            return None
        if index_id == "effectiveRange":
            continue
        if index_id == "allowedRolesAndUsers":
            value = sorted(token for token in value if not token.startswith("user:"))
        alike[index_id] = value
    return repr(sorted(alike.items()))


@dataclass
class ClauseSets:
    """core: the type, text, security and fixed clauses, intersected;
    filters: index of every other clause (the user's filters) → the core records it matches;
    clauses: that index → its clause; key: core_key of the core's clauses (None: alike
    to no other); portal_type: the one type the search is limited to, if any."""

    core: object
    filters: dict
    clauses: dict = field(default_factory=dict)
    key: str | None = None
    portal_type: str | None = None
    _matching: object = field(default=None, repr=False)

    @classmethod
    def of(cls, catalog, core: dict, filtered: dict) -> "ClauseSets":
        portal_type = core.get("portal_type")
        portal_type = portal_type if isinstance(portal_type, str) else None
        core_set = None
        for index_id, value in sorted(core.items(), key=_order(catalog)):
            core_set = narrowed(catalog, index_id, value, core_set, portal_type)
            if not core_set:  # nothing can match: spare the other indexes
                return cls(IISet(), {i: IISet() for i in filtered}, dict(filtered),
                           portal_type=portal_type)
        core_set = IISet() if core_set is None else core_set
        filters = {
            i: narrowed(catalog, i, v, core_set, portal_type) for i, v in filtered.items()
        }
        return cls(core_set, filters, dict(filtered), core_key(catalog, core), portal_type)

    def matching(self):
        """The records matching every clause: the search's items."""
        if self._matching is None:
            self._matching = intersect_all(self.filters.values()) if self.filters else self.core
        return self._matching

    def without(self, index_id: str):
        """The records matching every clause but the one on index_id (a facet's base)."""
        if index_id not in self.filters:
            return self.matching()
        others = [rids for i, rids in self.filters.items() if i != index_id]
        return intersect_all(others) if others else self.core
