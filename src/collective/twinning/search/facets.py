"""Facet counts from the catalog's own indexes.

A facet counts, for each value of its index, the items matching every other
filter of the search (its own left out, so the user sees what else there is),
with the user's security clauses: the record sets of clauses.ClauseSets.
Values are counted either by intersecting each value's entry with that set (C
speed, but each costs the size of both sets) or, when the set is small, by
reading the values of its records from the index (a Python loop over the set).
"""

from BTrees.IIBTree import intersection
from collections import Counter
from functools import partial
from itertools import chain
from operator import is_not
from collective.twinning.search.clauses import as_set


# Measured costs, in nanoseconds, on 20 000 profiles (2026-11-28): reading one record's
# values (a keyword index records several, a field index one), versus one step of a C set
# intersection over the indexed records (paid once per facet) and over the matching set
# (paid once per value).
READ_KEYWORD_RECORD = 500
READ_FIELD_RECORD = 200
STEP_PER_INDEXED = 30
STEP_PER_MATCH_AND_VALUE = 5


def _counts_by_intersection(index, values, within) -> dict:
    """One C intersection per value: cheap when the matching set is large."""
    counts = {}
    for value in values:
        entry = index._index.get(value)
        if entry is not None:
            counts[value] = len(intersection(within, as_set(entry)))
    return counts


def _counts_by_iteration(index, values, within) -> dict:
    """Read each matching record's values: cheap when the matching set is small.

    The reading and counting run in C (map, chain, Counter); a keyword index
    records a sequence of values per record, a field index one value."""
    recorded = filter(partial(is_not, None), map(index._unindex.get, within))
    if _is_keyword(index):
        counts = Counter(chain.from_iterable(recorded))
    else:
        counts = Counter(recorded)
    wanted = set(values)
    return {value: count for value, count in counts.items() if value in wanted}


def _is_keyword(index) -> bool:
    return getattr(index, "meta_type", "") == "KeywordIndex"


def value_counts(catalog, index_id: str, values, within) -> dict:
    """Count each value within the record set, by whichever way costs less."""
    index = catalog._catalog.getIndex(index_id)
    size = len(within)
    by_reading = (READ_KEYWORD_RECORD if _is_keyword(index) else READ_FIELD_RECORD) * size
    by_intersection = STEP_PER_INDEXED * index.numObjects() + STEP_PER_MATCH_AND_VALUE * len(values) * size
    if by_reading < by_intersection:
        return _counts_by_iteration(index, values, within)
    return _counts_by_intersection(index, values, within)


def facet_counts(catalog, sets, facets: dict) -> dict:
    """Counts per facet value.

    sets: the query's ClauseSets (clauses.py);
    facets: facet name → (index, [values to count]).
    """
    counts = {}
    for name, (index_id, values) in facets.items():
        within = sets.without(index_id)
        found = value_counts(catalog, index_id, values, within) if within else {}
        counts[name] = {value: count for value, count in found.items() if count}
    return counts
