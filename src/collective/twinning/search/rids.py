"""Catalog record ids as Roaring bitmaps and back, numbered densely per committed catalog state."""

from array import array
from pyroaring import BitMap
from ZTUtils.Lazy import LazyMap


class Positions:
    """Each record id's position in the catalog's ascending record ids: ZCatalog draws record ids
    at random over 32 bits, which gives a Roaring bitmap one container per record; positions
    give dense bitmaps, and ascending positions are ascending record ids (as an IISet iterates)."""

    def __init__(self, catalog):
        self.rids = array("i", catalog._catalog.paths.keys())  # rid -> path, the catalog's records
        self.position = dict(zip(self.rids, range(len(self.rids)), strict=True))

    def bitmap(self, rids) -> BitMap:
        """The positions of these record ids (a record the catalog no longer holds is left out)."""
        try:
            return BitMap(array("I", map(self.position.__getitem__, rids)))
        except KeyError:
            position = self.position
            return BitMap([position[rid] for rid in rids if rid in position])

    def record_ids(self, bitmap: BitMap) -> array:
        """The record ids at these positions, ascending."""
        return array("i", map(self.rids.__getitem__, bitmap))


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
