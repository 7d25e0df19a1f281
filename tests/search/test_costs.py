"""When reading records' values beats going through an index's entries (costs.py)."""

from collective.twinning.search.costs import indexed_records
from collective.twinning.search.costs import reading_is_cheaper
from dataclasses import dataclass
from plone import api
from Products.CMFCore.indexing import processQueue
from Products.PluginIndexes.unindex import UnIndex

import pytest
import transaction


@dataclass
class FakeIndex:
    """Counts its records as an index does; no database, so never kept."""

    meta_type: str
    indexed: int

    def numObjects(self):
        return self.indexed


@pytest.mark.parametrize("meta_type,indexed,records,cheaper", [
    # a field index: 200 ns a record against at least 25 ns per indexed record
    ("FieldIndex", 20_000, 2_499, True),
    ("FieldIndex", 20_000, 2_500, False),
    ("FieldIndex", 20_000, 20_000, False),
    # a keyword index records several values per record: 500 ns each
    ("KeywordIndex", 20_000, 999, True),
    ("KeywordIndex", 20_000, 1_000, False),
    ("KeywordIndex", 0, 1, False),  # an empty index: its entries cost nothing
])
def test_reading_is_cheaper_for_few_records(meta_type, indexed, records, cheaper):
    assert reading_is_cheaper(FakeIndex(meta_type, indexed), records) is cheaper


# indexed_records: numObjects kept per process for an index's committed state.

@pytest.fixture
def colour_index(committed):
    """A field index of its own on the committed population (no record has a colour)."""
    catalog = api.portal.get_tool("portal_catalog")
    catalog.addIndex("test_colour", "FieldIndex")
    transaction.commit()
    return catalog._catalog.getIndex("test_colour")


@pytest.fixture
def walks(monkeypatch):
    """How many times an index counted its records (walking its record table)."""
    counted = []
    real = UnIndex.numObjects

    def counting(index):
        counted.append(index.getId())
        return real(index)

    monkeypatch.setattr(UnIndex, "numObjects", counting)
    return counted


def colour(profile, value) -> None:
    profile.test_colour = value
    profile.reindexObject(idxs=["test_colour"])


@pytest.mark.parametrize("index_id", ["country", "languages", "member_type", "sortable_title",
                                      "portal_type", "allowedRolesAndUsers"])
def test_indexed_records_are_the_index_s_count_and_counted_once(committed, walks, index_id):
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex(index_id)
    assert indexed_records(index) == len(index._unindex) > 0
    assert indexed_records(index) == len(index._unindex)
    assert walks == [index_id]


def test_another_connection_uses_the_kept_count(committed, walks):
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex("country")
    counted = indexed_records(index)
    db = api.portal.get()._p_jar.db()
    manager = transaction.TransactionManager()
    other = db.open(transaction_manager=manager)
    try:
        portal_id = api.portal.get().getId()
        other_index = other.root()["Application"][portal_id].portal_catalog._catalog.getIndex(
            "country")
        assert other_index is not index
        assert indexed_records(other_index) == counted
    finally:
        manager.abort()
        other.close()
    assert walks == ["country"]


def test_a_committed_change_is_counted_afresh(committed, colour_index, walks):
    assert indexed_records(colour_index) == 0
    colour(committed["teacher-ana-es"], "red")
    transaction.commit()
    assert indexed_records(colour_index) == 1
    assert indexed_records(colour_index) == 1
    assert walks == ["test_colour", "test_colour"]


def test_a_change_in_this_transaction_is_counted_each_time_and_not_kept(
        committed, colour_index, walks):
    colour(committed["teacher-ana-es"], "red")
    transaction.commit()
    assert indexed_records(colour_index) == 1
    colour(committed["teacher-luca-it"], "blue")
    processQueue()
    assert indexed_records(colour_index) == 2
    assert indexed_records(colour_index) == 2
    transaction.abort()
    assert indexed_records(colour_index) == 1
    assert walks == ["test_colour"] * 3
