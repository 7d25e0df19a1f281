"""Record sets as bit masks (bitmaps.py): a mask has exactly its set's records, kept masks
are brought up to date from the records that came and went, and a database's positions
start afresh when they outgrow its catalog."""

from BTrees.IIBTree import difference
from BTrees.IIBTree import intersection
from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from collective.twinning.search import bitmaps
from collective.twinning.search.bitmaps import Bitmaps

import pytest
import random


def records_of(masks: Bitmaps, mask: int) -> set:
    return {rid for rid, position in masks.positions.items() if mask >> position & 1}


@pytest.fixture
def rng():
    return random.Random(11)


@pytest.fixture
def rids(rng):
    """Record ids as the catalog makes them: random, signed 32-bit."""
    return rng.sample(range(-2**31, 2**31), 3000)


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 500, 3000])
def test_a_mask_holds_exactly_its_records(rids, size):
    masks = Bitmaps()
    chosen = IISet(rids[:size])
    mask = masks.bits(chosen)
    assert mask.bit_count() == size
    assert records_of(masks, mask) == set(chosen)


@pytest.mark.parametrize("share_a,share_b", [(0.5, 0.5), (0.9, 0.1), (0.02, 0.7), (1, 1)])
def test_counting_masks_equals_intersecting_sets(rng, rids, share_a, share_b):
    masks = Bitmaps()
    a = IISet(rng.sample(rids, int(share_a * len(rids))))
    b = IISet(rng.sample(rids, int(share_b * len(rids))))
    both = masks.mask_of("a", a) & masks.mask_of("b", b)
    assert both.bit_count() == len(intersection(a, b))
    assert records_of(masks, both) == set(intersection(a, b))


def test_the_same_set_gives_the_kept_mask_without_making_it(rids, monkeypatch):
    masks = Bitmaps()
    entry = IISet(rids[:1000])
    first = masks.mask_of("entry", entry)
    monkeypatch.setattr(masks, "bits", lambda rids: pytest.fail("made again"))
    assert masks.mask_of("entry", entry) == first


@pytest.mark.parametrize("came,went", [(10, 0), (0, 10), (40, 60), (1, 1)])
def test_a_kept_mask_is_brought_up_to_date_from_what_came_and_went(rids, monkeypatch, came, went):
    masks = Bitmaps()
    before = IISet(rids[100:1100])
    masks.mask_of("entry", before)
    after = IISet(list(rids[100 + went:1100]) + list(rids[:came]))
    made = []
    original = masks.bits
    monkeypatch.setattr(masks, "bits", lambda rids: made.append(len(rids)) or original(rids))
    mask = masks.mask_of("entry", after)
    assert records_of(masks, mask) == set(after)
    assert sorted(made) == sorted([came, went])  # only the records that changed


def test_a_set_much_changed_is_made_afresh(rids, monkeypatch):
    masks = Bitmaps()
    masks.mask_of("entry", IISet(rids[:1000]))
    after = IISet(rids[500:1500])  # half came, half went
    made = []
    original = masks.bits
    monkeypatch.setattr(masks, "bits", lambda rids: made.append(len(rids)) or original(rids))
    assert records_of(masks, masks.mask_of("entry", after)) == set(after)
    assert made == [1000]


def test_an_index_set_is_copied_so_a_change_in_place_is_seen(rids):
    """A persistent set (an index's own entry) may change in place: the mask is kept with a
    copy, so the same object asked for again is compared, not trusted."""
    masks = Bitmaps()
    entry = IITreeSet(rids[:200])
    entry._p_oid = b"\0" * 7 + b"\1"  # as stored in a database
    assert masks.mask_of("entry", entry).bit_count() == 200
    entry.update(rids[200:210])
    entry.remove(rids[0])
    assert records_of(masks, masks.mask_of("entry", entry)) == set(entry)


def test_positions_are_given_once(rids):
    masks = Bitmaps()
    masks.bits(IISet(rids[:100]))
    masks.bits(IISet(rids[50:150]))
    assert len(masks.positions) == 150
    assert sorted(masks.positions.values()) == list(range(150))


def test_the_oldest_masks_go(rids, monkeypatch):
    monkeypatch.setattr(bitmaps, "MAX_MASKS", 3)
    masks = Bitmaps()
    for key in "abcd":
        masks.mask_of(key, IISet(rids[:10]))
    masks.mask_of("b", IISet(rids[:10]))  # asked again: the newest
    masks.mask_of("e", IISet(rids[:10]))
    assert list(masks.kept) == ["d", "b", "e"]


def test_the_oldest_masks_go_past_the_bytes_kept(rids, monkeypatch):
    masks = Bitmaps()
    masks.bits(IISet(rids))  # 3000 positions: a mask of the last ones has about 375 bytes
    last = IISet(rids[-10:])
    monkeypatch.setattr(bitmaps, "MAX_BYTES", 800)
    for key in "abc":
        masks.mask_of(key, last)
    assert list(masks.kept) == ["b", "c"]
    assert masks.bytes == sum(bitmaps._size(mask) for _source, mask in masks.kept.values())
    masks.mask_of("c", IISet(rids[:10]))  # the same key, a mask of a few bytes
    assert list(masks.kept) == ["b", "c"]
    assert masks.bytes == sum(bitmaps._size(mask) for _source, mask in masks.kept.values())


class Database:
    pass


class Jar:
    def __init__(self, database):
        self.database = database

    def db(self):
        return self.database


class Catalog:
    """What for_catalog reads of a CatalogTool: its database and how many records it has."""

    def __init__(self, database, records: int):
        self._p_jar = Jar(database)
        self._catalog = range(records)


def test_a_database_keeps_its_bitmaps_until_positions_outgrow_its_catalog(rids, monkeypatch):
    monkeypatch.setattr(bitmaps, "_by_database", bitmaps.WeakKeyDictionary())
    database, other = Database(), Database()
    catalog = Catalog(database, 100)
    kept = bitmaps.for_catalog(catalog)
    assert bitmaps.for_catalog(catalog) is kept
    assert bitmaps.for_catalog(Catalog(other, 100)) is not kept
    kept.bits(IISet(rids[:2 * 100 + 1000]))  # as many as allowed: still kept
    assert bitmaps.for_catalog(catalog) is kept
    kept.bits(IISet(rids[1200:1201]))
    fresh = bitmaps.for_catalog(catalog)
    assert fresh is not kept and not fresh.positions
    bitmaps.clear()
    assert bitmaps.for_catalog(catalog) is not fresh


def test_masks_of_changed_sets_still_count_like_the_sets(rng, rids):
    """Many rounds of entries changing a little and a lot, against C intersections."""
    masks = Bitmaps()
    current = {key: IISet(rng.sample(rids, 800)) for key in range(4)}
    for _round in range(30):
        key = rng.randrange(4)
        changed = set(current[key])
        for rid in rng.sample(sorted(changed), min(len(changed), rng.choice([1, 20, 400]))):
            changed.discard(rid)
        changed.update(rng.sample(rids, rng.choice([0, 5, 300])))
        current[key] = IISet(changed)
        a, b = rng.sample(range(4), 2)
        counted = (masks.mask_of(a, current[a]) & masks.mask_of(b, current[b])).bit_count()
        assert counted == len(intersection(current[a], current[b]))
        assert masks.mask_of(key, current[key]).bit_count() == len(current[key])
        assert not difference(current[key], IISet(records_of(masks, masks.kept[key][1])))
