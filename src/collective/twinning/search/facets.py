"""Facet counts from the catalog's own indexes.

A facet counts, for each value of its index, the items matching every other
filter of the search (its own left out, so the user sees what else there is),
with the same security clauses the catalog adds to every query of the user
(``allowedRolesAndUsers`` and, unless they may see it, ``effectiveRange``).
Each clause is applied once to its index (``_apply_index``, the catalog's own
plug-in index API) and the results are intersected as BTrees sets; a facet
value's count is the size of its index entry intersected with that set.
"""

from BTrees.IIBTree import intersection
from BTrees.IIBTree import IISet
from DateTime import DateTime
from plone import api


def _as_set(result):
    """An index result as a set of record ids (text indexes give scored mappings)."""
    if isinstance(result, int):
        return IISet((result,))
    if hasattr(result, "items"):
        return IISet(result.keys())
    return result


def security_clauses(catalog, query: dict) -> dict:
    """What CatalogTool.searchResults adds to a query for the current user."""
    user = api.user.get_current()
    clauses = {"allowedRolesAndUsers": catalog._listAllowedRolesAndUsers(user)}
    show_inactive = query.get("show_inactive")
    if show_inactive is None:
        show_inactive = catalog.allow_inactive(query)
    if not show_inactive:
        clauses["effectiveRange"] = DateTime()
    return clauses


def clause_set(catalog, index_id: str, value):
    """The record ids matching one clause of a query."""
    index = catalog._catalog.getIndex(index_id)
    result = index._apply_index({index_id: value})
    if result is None:
        raise ValueError(f"Index {index_id} cannot answer {value!r}.")
    return _as_set(result[0])


def intersect_all(sets):
    result = None
    for rids in sets:
        result = rids if result is None else intersection(result, rids)
        if not result:
            return IISet()
    return IISet() if result is None else result


def value_count(catalog, index_id: str, value, within) -> int:
    entry = catalog._catalog.getIndex(index_id)._index.get(value)
    if entry is None:
        return 0
    return len(intersection(within, _as_set(entry)))


def facet_counts(catalog, core: dict, filtered: dict, facets: dict) -> dict:
    """Counts per facet value.

    core: index → clause of the query that are no facet (type, text, security…);
    filtered: facet index → clause, for the facets the user filtered on;
    facets: facet name → (index, [values to count]).
    """
    core_set = intersect_all(clause_set(catalog, i, v) for i, v in core.items())
    filter_sets = {i: clause_set(catalog, i, v) for i, v in filtered.items()}
    counts = {}
    for name, (index_id, values) in facets.items():
        others = [rids for i, rids in filter_sets.items() if i != index_id]
        within = intersect_all([core_set, *others]) if others else core_set
        found = {}
        if within:
            for value in values:
                count = value_count(catalog, index_id, value, within)
                if count:
                    found[value] = count
        counts[name] = found
    return counts
