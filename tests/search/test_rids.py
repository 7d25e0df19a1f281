"""Record positions: dense bitmaps for ZCatalog's random record ids, and back in the catalog's order."""

from BTrees.IIBTree import IISet
from BTrees.IOBTree import IOBTree
from collective.twinning.search.rids import Positions
from types import SimpleNamespace

import pytest


RIDS = [-2_000_000_000, -7, 0, 5, 123_456, 2_000_000_000]


@pytest.fixture
def positions():
    paths = IOBTree({rid: f"/plone/item-{n}" for n, rid in enumerate(RIDS)})
    return Positions(SimpleNamespace(_catalog=SimpleNamespace(paths=paths)))


def test_positions_are_dense(positions):
    assert list(positions.bitmap(RIDS)) == list(range(len(RIDS)))


@pytest.mark.parametrize("rids", [[5, -7], [2_000_000_000, -2_000_000_000, 0], []])
def test_record_ids_come_back_as_an_iiset_iterates(positions, rids):
    assert list(positions.record_ids(positions.bitmap(rids))) == list(IISet(rids))


def test_a_record_the_catalog_no_longer_holds_is_left_out(positions):
    assert list(positions.record_ids(positions.bitmap([5, 99, -7]))) == [-7, 5]
