"""Facet counts from the catalog's own indexes.

A facet counts, for each value of its index, the items matching every other
filter of the search (its own left out, so the user sees what else there is),
with the user's security clauses: the record sets of clauses.ClauseSets.
Values are counted either from each value's entry (a C intersection with that
set, costing the size of both, or, for a rare value, each of its records looked
up in the set) or, when the set is small, by reading the values of its records
from the index, or, over a large base, with bit masks (mask_counts.py);
whichever the measured costs (costs.py) make cheaper. Counts over the search's
core are kept per process (core_counts.py).
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import intersection
from collections import Counter
from collective.twinning.search.core_counts import CoreCounts
from collective.twinning.search.costs import entry_costs
from collective.twinning.search.costs import is_keyword
from collective.twinning.search.costs import read_cost
from collective.twinning.search.costs import reading_is_cheaper
from collective.twinning.search.entries import value_entries
from collective.twinning.search.mask_counts import MaskCounts
from functools import partial
from itertools import chain
from operator import is_not


def _merges(length: int, size: int) -> bool:
    merging, probing = entry_costs(length, size)
    return merging <= probing


def count_in(entry, within, merge: bool) -> int:
    """How many of a value's records are within the set: a C intersection, or each
    record looked up in the set (C too: map over the entry, then sum)."""
    if merge:
        return len(intersection(within, entry))
    return sum(map(within.__contains__, entry))


def _counts_by_entries(entries: list, within) -> dict:
    """Each value's entry against the matching set: cheap when that set is large."""
    size = len(within)
    return {
        value: count_in(entry, within, merge=_merges(length, size))
        for value, entry, length in entries
    }


def _counts_by_iteration(index, values, within) -> dict:
    """Read each matching record's values: cheap when the matching set is small.

    The reading and counting run in C (map, chain, Counter); a keyword index
    records a sequence of values per record, a field index one value."""
    recorded = filter(partial(is_not, None), map(index._unindex.get, within))
    if is_keyword(index):
        counts = Counter(chain.from_iterable(recorded))
    else:
        counts = Counter(recorded)
    wanted = set(values)
    return {value: count for value, count in counts.items() if value in wanted}


def value_counts(catalog, index_id: str, values, within) -> dict:
    """Count each value within the record set, by whichever way costs less."""
    index = catalog._catalog.getIndex(index_id)
    size = len(within)
    if reading_is_cheaper(index, size):  # below what any way through the entries costs
        return _counts_by_iteration(index, values, within)
    by_reading = read_cost(index) * size
    entries = value_entries(catalog, index, values)
    if by_reading < sum(min(entry_costs(length, size)) for _value, _entry, length in entries):
        return _counts_by_iteration(index, values, within)
    return _counts_by_entries(entries, within)


def counts_in_core(catalog, index_id: str, values, within, core: CoreCounts) -> dict:
    """value_counts of a set lying in the search's core, with the counts kept for the core
    (core_counts.py): the core's own, or, for a set holding most of it, the core's less
    those of the core records outside the set."""
    index = catalog._catalog.getIndex(index_id)
    if len(within) == len(core.core):  # a set in the core of its size is the core
        found = core.kept(index, values)
        if found is None:
            found = value_counts(catalog, index_id, values, within)
            core.keep(index, values, found)
        return found
    if len(within) * 2 > len(core.core):
        found = core.kept(index, values)
        if found is not None:
            outside = value_counts(catalog, index_id, values, difference(core.core, within))
            return {value: count - outside.get(value, 0) for value, count in found.items()}
    return value_counts(catalog, index_id, values, within)


def facet_counts(catalog, sets, facets: dict) -> dict:
    """Counts per facet value.

    sets: the query's ClauseSets (clauses.py): every facet's set lies in its core;
    facets: facet name → (index, [values to count]).
    """
    core = CoreCounts(catalog, sets.core)
    masks = MaskCounts(catalog, sets)
    counts = {}
    for name, (index_id, values) in facets.items():
        found = masks.counts(index_id, values)
        if found is None:
            within = sets.without(index_id)
            found = counts_in_core(catalog, index_id, values, within, core) if within else {}
        counts[name] = {value: count for value, count in found.items() if count}
    return counts
