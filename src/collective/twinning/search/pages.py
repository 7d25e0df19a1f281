"""The page of a search: the few records ZCatalog's own sort must look at, found in a sort order kept per state."""

from array import array
from bisect import bisect_left
from bisect import bisect_right
from collective.twinning.search.rids import Positions
from pyroaring import BitMap


# Records per chunk of a kept sort order (a chunk never splits records of one sort key).
CHUNK = 1024


class SortOrder:
    """An index's records in ascending (key, record id) order: their keys and positions side by side,
    and the same as bitmaps of about CHUNK records."""

    def __init__(self, index, positions: Positions):
        position = positions.position  # ascending record ids in, ascending positions out
        known = [(position[rid], key) for rid, key in index.documentToKeyMap().items() if rid in position]
        ranked = sorted(range(len(known)), key=[key for _found, key in known].__getitem__)  # stable
        self.keys = [known[rank][1] for rank in ranked]
        self.ordered = array("I", [known[rank][0] for rank in ranked])
        self.chunks, start = [], 0
        while start < len(self.keys):
            end = min(start + CHUNK, len(self.keys))
            end = bisect_right(self.keys, self.keys[end - 1], end)  # never split one key
            self.chunks.append(BitMap(self.ordered[start:end]))
            start = end
        self.indexed = BitMap(self.ordered)

    def within(self, low, high) -> BitMap:
        """The records whose key is at least ``low`` and at most ``high`` (None: no bound), as
        the index's own range search finds them; a TypeError when the bounds do not compare."""
        start = 0 if low is None else bisect_left(self.keys, low)
        end = len(self.keys) if high is None else bisect_right(self.keys, high)
        return BitMap(self.ordered[start:end])

    def first(self, matching: BitMap, count: int, descending: bool) -> BitMap:
        """Matching records from the start (the end when descending) of whole chunks, at least
        ``count`` of them when there are: every record sorting before the last one kept is in."""
        found, total = [], 0
        for chunk in reversed(self.chunks) if descending else self.chunks:
            part = chunk & matching
            if part:
                found.append(part)
                total += len(part)
                if total >= count:
                    break
        return BitMap.union(*found) if found else BitMap()


def worth_walking(matching: BitMap, limit: int, records: int) -> bool:
    """Whether walking the kept order beats ZCatalog looking up every match's sort key:
    about limit * records / matches chunk records looked at, against matches keys."""
    return len(matching) ** 2 > limit * records


def sorted_page(catalog, kept, matching: BitMap, sort: dict, limit: int, b_start: int, b_size: int):
    """The page as ``searchResults`` gives it: ZCatalog's ``sortResults`` over the matching
    records, or over the first of them in the kept order (at least 4 * limit, so that it picks
    the same algorithm; the records after them cannot reach the page)."""
    inner = catalog._catalog
    index = inner.getIndex(sort["sort_on"])
    descending = sort["sort_order"] == "descending"
    rids, total = matching, len(matching)
    if len(matching) >= 4 * limit and worth_walking(matching, limit, len(inner)):
        order = kept.order(catalog, index)
        if order is not None:
            head = order.first(matching, 4 * limit, descending)
            if len(head) >= 4 * limit:
                rids, total = head, matching.intersection_cardinality(order.indexed)
    return inner.sortResults(
        kept.positions(catalog).record_ids(rids),
        index,
        descending,
        limit=limit,
        actual_result_count=total,
        b_start=b_start,
        b_size=b_size,
    )
