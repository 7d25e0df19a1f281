"""One type's records in a sort index's order (orders.py): spans and pages equal to what the
catalog's index and sort give, kept only for the committed state they were made from.

The first tests use a stand-in index (a record table of keys) and blocks of four records, so
that spans start and end inside blocks, on their edges and across several; the others commit
the search population (functional layer).
"""

from BTrees.IIBTree import IISet
from BTrees.IIBTree import IITreeSet
from BTrees.OOBTree import OOBTree
from collective.twinning.search import orders
from collective.twinning.search.orders import range_bounds
from collective.twinning.search.orders import TypeOrder
from collective.twinning.search.specs import PROJECTS
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue
from tests.search.conftest import days_ago
from tests.search.conftest import MEMBER
from tests.search.conftest import search

import pytest
import random
import transaction


class RecordTable:
    """What TypeOrder reads of a sort index: each record's key, each key's records."""

    def __init__(self, keys: dict):
        self._unindex = keys
        self._index = OOBTree()
        for rid, key in keys.items():
            self._index[key] = IITreeSet([*self._index.get(key, ()), rid])
        for key, entry in self._index.items():  # a single record is held as its id
            if len(entry) == 1:
                self._index[key] = entry.minKey()

    def _convert(self, value, default=None):
        return value


# 40 records with keys 0-9 (ties) and one alone with its key, one record without a key, one
# of another type.
RNG = random.Random(3)
KEYS = {rid: RNG.randrange(10) for rid in RNG.sample(range(1000, 5000), 40)} | {999: 15}
NO_KEY, OTHER_TYPE = 7, 8
TYPE_RIDS = IISet([*KEYS, NO_KEY])


@pytest.fixture(params=["sorting", "reading"])
def order(request, monkeypatch) -> TypeOrder:
    """Made either way: the type's keys sorted, or the index's entries read in order."""
    monkeypatch.setattr(orders, "BLOCK", 4)
    index = RecordTable({**KEYS, OTHER_TYPE: 5})
    indexed = 10**6 if request.param == "sorting" else 0
    return TypeOrder.of(index, TYPE_RIDS, indexed)


def catalog_order(rids, descending=False) -> list:
    """The catalog's full sort: by key, then record id, both reversed when descending."""
    return sorted(rids, key=lambda rid: (KEYS[rid], rid), reverse=descending)


def test_the_order_is_by_key_then_record_id_without_records_lacking_a_key(order):
    assert list(order.rids) == catalog_order(KEYS)
    assert order.keys == [KEYS[rid] for rid in order.rids]
    assert [set(block) for block in order.blocks] == [
        set(order.rids[start:start + 4]) for start in range(0, 41, 4)]


@pytest.mark.parametrize("low,high", [
    (None, None), (3, None), (None, 3), (2, 6), (4, 4), (0, 9), (-5, 0), (9, 20), (11, 20),
    (15, 15), (16, 20), (6, 2),
])
def test_a_span_holds_the_records_within_the_bounds(order, low, high):
    start, stop = order.positions(low, high)
    expected = {rid for rid, key in KEYS.items()
                if (low is None or key >= low) and (high is None or key <= high)}
    assert set(order.span(start, stop)) == expected
    assert set(order.ends(start, stop)) | {
        rid for number in order.whole_blocks(start, stop) for rid in order.blocks[number]
    } == expected


@pytest.mark.parametrize("start,stop", [(0, 41), (1, 3), (4, 8), (3, 13), (5, 6), (8, 8), (0, 1),
                                        (37, 41), (40, 41)])
def test_spans_on_block_edges_and_inside_blocks(order, start, stop):
    assert list(order.span(start, stop)) == sorted(order.rids[start:stop])


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("share", [1, 2, 5, 13])
@pytest.mark.parametrize("wanted", [1, 5, 41])
def test_a_page_is_the_first_matching_records_of_the_catalog_order(order, descending, share,
                                                                    wanted):
    matching = IISet(list(KEYS)[::share])
    expected = catalog_order(matching, descending)[:wanted]
    assert order.first(matching, descending, wanted, 10**6) == expected


def test_a_page_over_its_budget_is_given_up(order):
    last = IISet([order.rids[-1]])
    assert order.first(last, False, 1, 40) is None
    assert order.first(last, False, 1, 41) == [order.rids[-1]]
    assert order.first(last, True, 1, 1) == [order.rids[-1]]
    assert order.first(IISet(order.rids[:2]), True, 1, 39) is None


@pytest.mark.parametrize("clause,bounds", [
    ({"query": 12, "range": "max"}, (None, 12)),
    ({"query": 12, "range": "min"}, (12, None)),
    ({"query": [15, 9], "range": "min:max"}, (9, 15)),
    ({"query": [15, 9], "range": "min"}, (9, None)),
    ({"query": [15, 9], "range": "max"}, (None, 15)),
    ({"query": 12}, None),
    ({"query": 12, "range": "min", "operator": "or"}, None),
    ({"query": 12, "range": "between"}, None),
    ({"query": [], "range": "min"}, None),
    (12, None),
])
def test_range_bounds_are_the_indexs_own(clause, bounds):
    assert range_bounds(RecordTable({}), clause) == bounds


def test_an_index_that_converts_no_keys_has_no_range_bounds():
    assert range_bounds(object(), {"query": 12, "range": "min"}) is None


def test_dates_are_bounded_in_the_date_index_keys(committed):
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex("created")
    since = DateTime("2026/03/01 00:00 UTC")
    assert range_bounds(index, {"query": since, "range": "min"}) == (index._convert(since), None)


# --- kept per committed state -----------------------------------------------------------------

def created_order(make=True):
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("created")
    return orders.kept_order(catalog, index, "TwinSpace", make=make)


def test_an_order_is_made_the_second_time_it_is_asked_for(committed):
    assert created_order(make=False) is None  # neither made nor marked
    assert created_order() is None  # marked
    assert created_order(make=False) is None
    made = created_order()
    assert made is not None and created_order() is made and created_order(make=False) is made
    catalog = api.portal.get_tool("portal_catalog")
    spaces = {brain.getRID(): brain.created for brain in catalog.unrestrictedSearchResults(
        portal_type="TwinSpace", sort_on="created")}
    assert list(made.rids) == list(spaces)  # every space, oldest first (no ties here)


def test_a_committed_change_makes_the_order_again(committed):
    created_order(), created_order()
    committed["our-heritage"].creation_date = days_ago(1000)
    committed["our-heritage"].reindexObject()
    transaction.commit()
    assert created_order() is None
    made = created_order()
    oldest = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="TwinSpace", sort_on="created")[0]
    assert made.rids[0] == oldest.getRID() and oldest.getId == "our-heritage"


def test_an_uncommitted_change_is_never_ordered(committed):
    created_order(), created_order()
    committed["our-heritage"].creation_date = days_ago(1000)
    committed["our-heritage"].reindexObject()
    processQueue()
    assert created_order() is None and created_order() is None


# --- searches through kept orders ---------------------------------------------------------------

SINCE_CASES = [  # request parameters (projects)
    {"registered_since": days_ago(150).strftime("%Y-%m-%d")},
    {"registered_since": days_ago(150).strftime("%Y-%m-%d"), "sort_on": "title"},
    {"registered_since": days_ago(1000).strftime("%Y-%m-%d"), "language": "en"},
    {"registered_since": days_ago(10).strftime("%Y-%m-%d")},
    {"age_from": "10", "age_to": "12", "registered_since": days_ago(365).strftime("%Y-%m-%d")},
    {"b_start": "1", "b_size": "2"},
]


@pytest.mark.parametrize("params", SINCE_CASES)
def test_searches_with_kept_orders_find_what_the_index_finds(committed, params):
    first = search(PROJECTS, params, MEMBER)  # no order kept yet: the index's way
    for _asked_made_kept in range(3):
        again = search(PROJECTS, params, MEMBER)
        assert again["items"] == first["items"]
        assert (again["items_total"], again["facets"]) == (first["items_total"], first["facets"])
    assert created_order(make=False) is not None


def test_registered_since_finds_the_projects_created_since(committed):
    since = days_ago(150).strftime("%Y-%m-%d")
    for _asked_made_kept in range(3):
        found = search(PROJECTS, {"registered_since": since}, MEMBER)
        assert [item["@id"].rsplit("/", 1)[-1] for item in found["items"]] == [
            "the-sea-unites-us", "our-heritage"]
