"""Facet counts with bit masks (bitmaps.py), for facets whose base holds many records.

A facet's base is the search's core and every other filter's clause; as masks,
the core's (kept per core_key and brought up to date) and each filter's (the
union of its values' entry masks, kept per entry; for a date range, the masks of
the type's kept order's blocks within it, orders.py) are ANDed, and each value of
the facet is counted by an AND with its entry's mask and a bit count: the cost
of a value no longer grows with the base, only with the records the catalog
holds (one machine word per 64). Used when the measured costs (costs.py) make it
cheaper than reading or merging, only with the flat copies entries.py already
keeps for the committed state (asking marks nothing, so a catalog changing
between searches pays no copies for masks; a transaction that changed the index
is counted the other ways), and never for a facet whose base is the core itself
(its counts are kept: core_counts.py) nor for a core with a text clause (its mask would
serve that search alone, made record by record: `q=and` over 50 000 projects took 77 ms
with it, 47 without).
"""

from Acquisition import aq_base
from collective.twinning.search import bitmaps
from collective.twinning.search.clauses import plain_on
from collective.twinning.search.costs import entry_costs
from collective.twinning.search.costs import mask_cost
from collective.twinning.search.costs import read_cost
from collective.twinning.search.entries import kept_copies
from collective.twinning.search.orders import kept_order
from collective.twinning.search.orders import range_bounds


# Smaller cores: the other ways cost well under a millisecond a facet.
MASK_FROM = 2_000
# A filter that is no plain clause (no entries to keep masks of) is made a mask for this
# search only when it holds at most so many records (0.4-0.7 µs a record).
MAX_MADE = 2_000


class MaskCounts:
    """Facet counts of one search's ClauseSets by masks, where they pay."""

    def __init__(self, catalog, sets):
        self.catalog, self.sets = catalog, sets
        self._bitmaps = None
        self._masks = {}  # "core" or a filter's index -> its mask, or None

    @property
    def bitmaps(self) -> bitmaps.Bitmaps:
        if self._bitmaps is None:  # one Bitmaps for every mask of this search
            self._bitmaps = bitmaps.for_catalog(self.catalog)
        return self._bitmaps

    def _entry_mask(self, index, value, entry):
        return self.bitmaps.mask_of(bitmaps.entry_key(index, value), entry)

    def _filter_mask(self, index_id: str):
        """The union of the clause's values' entry masks, a range's mask from its type
        order, or a mask of its few records."""
        index = self.catalog._catalog.getIndex(index_id)
        clause = self.sets.clauses.get(index_id)
        wanted = plain_on(index, clause)
        if wanted is None:
            rids = self.sets.filters[index_id]
            if len(rids) <= MAX_MADE:
                return self.bitmaps.bits(rids)
            return self._range_mask(index, clause)
        wanted = tuple(wanted)
        entries = kept_copies(self.catalog, index, wanted)
        if entries is None:
            return None
        mask = 0
        for value, entry in zip(wanted, entries):
            mask |= self._entry_mask(index, value, entry)
        return mask

    def _range_mask(self, index, clause):
        """The mask of the type's records within a range clause, when the type's order in
        the index is kept (orders.py): its whole blocks' masks (kept) and the records at
        its ends. Within the core it is the clause's set (the base is ANDed with the
        core's mask). None when the clause is no such range."""
        portal_type = self.sets.portal_type
        bounds = range_bounds(index, clause)
        if portal_type is None or bounds is None:
            return None
        order = kept_order(self.catalog, index, portal_type, make=False)
        if order is None:
            return None
        start, stop = order.positions(*bounds)
        oid = aq_base(index)._p_oid
        mask = self.bitmaps.bits(order.ends(start, stop))
        for number in order.whole_blocks(start, stop):
            key = ("order", oid, portal_type, number)
            mask |= self.bitmaps.mask_of(key, order.blocks[number])
        return mask

    def _mask(self, name: str):
        if name not in self._masks:
            if name == "core":
                mask = self.bitmaps.mask_of(("core", self.sets.key), self.sets.core)
            else:
                mask = self._filter_mask(name)
            self._masks[name] = mask
        return self._masks[name]

    def base(self, index_id: str):
        """The mask of the facet's base, or None when a clause has none."""
        base = self._mask("core")
        for other in self.sets.filters:
            if other != index_id:
                mask = self._mask(other)
                if mask is None:
                    return None
                base &= mask
        return base

    def counts(self, index_id: str, values) -> dict | None:
        """The facet's counts, or None when masks would not pay (or cannot be had)."""
        sets = self.sets
        if len(sets.core) < MASK_FROM or not [i for i in sets.filters if i != index_id]:
            return None
        if sets.key is None:
            return None  # a core alike to no other (text typed): a mask for this search alone
        index = self.catalog._catalog.getIndex(index_id)
        copies = kept_copies(self.catalog, index, values)
        if copies is None:
            return None
        base = self.base(index_id)
        if base is None:
            return None
        size = base.bit_count()
        entries = [(value, copy, len(copy)) for value, copy in zip(values, copies) if copy]
        masking = mask_cost(len(entries), len(self.bitmaps.positions))
        merging = sum(min(entry_costs(length, size)) for _value, _entry, length in entries)
        if masking >= min(read_cost(index) * size, merging):
            return None  # reading the few records, or merging, is cheaper
        return {
            value: (self._entry_mask(index, value, entry) & base).bit_count()
            for value, entry, _n in entries
        }
