"""Range clauses answered from a kept sort order: the same records as the index's own range search."""

from BTrees.IOBTree import IOBTree
from collective.twinning.search.facets import range_bounds
from collective.twinning.search.pages import SortOrder
from collective.twinning.search.rids import Positions
from DateTime import DateTime
from Products.PluginIndexes.DateIndex.DateIndex import DateIndex
from Products.PluginIndexes.FieldIndex.FieldIndex import FieldIndex
from Products.PluginIndexes.KeywordIndex.KeywordIndex import KeywordIndex
from types import SimpleNamespace

import pytest


DAY = DateTime("2026-01-10 12:00 UTC")
RECORDS = {  # record id -> (created, age_from); record 7 has no age
    -900: (DAY - 40, 3),
    -3: (DAY - 10, 12),
    0: (DAY - 10, 12),
    7: (DAY, None),
    42: (DAY + 0.5, 15),
    1_000_000: (DAY + 3, 20),
}


@pytest.fixture(scope="module")
def indexed():
    created, ages = DateIndex("created"), FieldIndex("age_from")
    for rid, (date, age) in RECORDS.items():
        created.index_object(rid, SimpleNamespace(created=date))
        if age is not None:
            ages.index_object(rid, SimpleNamespace(age_from=age))
    paths = IOBTree({rid: f"/plone/item{rid}" for rid in RECORDS})
    positions = Positions(SimpleNamespace(_catalog=SimpleNamespace(paths=paths)))
    return {"created": created, "age_from": ages}, positions


CLAUSES = [  # index, clause
    ("created", {"query": DAY - 10, "range": "min"}),
    ("created", {"query": DAY, "range": "max"}),
    ("created", {"query": [DAY - 10, DAY + 0.5], "range": "min:max"}),
    ("created", {"query": DAY + 4, "range": "min"}),
    ("created", {"query": "2026-01-10 12:00 UTC", "range": "min"}),  # a string, converted alike
    ("age_from", {"query": 12, "range": "min"}),
    ("age_from", {"query": 12, "range": "max"}),
    ("age_from", {"query": [13, 15], "range": "min:max"}),
    ("age_from", {"query": 0, "range": "max"}),  # no upper bound to UnIndex
    ("age_from", {"query": 21, "range": "min"}),
]


@pytest.mark.parametrize("index_id,clause", CLAUSES)
def test_the_kept_order_finds_what_the_index_finds(indexed, index_id, clause):
    indexes, positions = indexed
    index = indexes[index_id]
    found = SortOrder(index, positions).within(*range_bounds(index, clause))
    by_index = index._apply_index({index_id: clause})[0]
    assert list(positions.record_ids(found)) == list(by_index)


@pytest.mark.parametrize(
    "clause",
    [
        DAY,  # no range
        {"query": DAY, "range": "min", "not": DAY},  # more than a plain range
        {"query": [], "range": "min"},  # no values
        {"query": [DAY, None], "range": "min"},  # values that do not compare
    ],
)
def test_other_clauses_are_left_to_the_index(indexed, clause):
    assert range_bounds(indexed[0]["created"], clause) is None


def test_a_keyword_index_is_left_to_the_index():
    assert range_bounds(KeywordIndex("subjects"), {"query": "a", "range": "min"}) is None
