"""Catalog record ids as Roaring bitmaps and back, in the order ZCatalog iterates them."""

from array import array
from pyroaring import BitMap
from ZTUtils.Lazy import LazyMap


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
