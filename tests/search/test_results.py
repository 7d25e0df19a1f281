"""The page of a search sorted by walking the sort index or by sorting: the catalog's order either way.

``@search`` sorts every match (``sortResults`` without a limit): by key, then, as its usual way
(reading each record's key) breaks ties, by record id, both reversed for a descending sort.
The pages of ``results.sorted_page`` must be slices of that order whichever way it takes, for
ties too, and whatever the batch.
"""

from BTrees.IIBTree import IISet
from collective.twinning.search import results
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue

import pytest


TITLES = ["Zebra", "Apple", "Mango", "Apple", "Kiwi", "Mango", "Apple", "Banana", "Kiwi", "Cherry",
          "Apple", "Date", "Fig", "Grape", "Lemon", "Mango", "Olive", "Peach", "Pear", "Plum"]
SORTS = [("sortable_title", False), ("created", True), ("created", False)]


@pytest.fixture
def documents(portal):
    """20 Documents with tied titles; creation dates in three equal minutes, out of title order."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=portal, type="Folder", id="sorting", title="Sorting")
        made = []
        base = DateTime("2026/01/10 10:00:00 UTC")
        for number, title in enumerate(TITLES):
            doc = api.content.create(container=folder, type="Document", id=f"doc-{number:02d}",
                                     title=title)
            doc.creation_date = base + (number % 3) / 1440.0  # minutes: 7, 7, 6 per minute
            doc.reindexObject()
            made.append(doc)
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    paths = {"/".join(doc.getPhysicalPath()) for doc in made}
    rids = IISet(rid for path, rid in catalog._catalog.uids.items() if path in paths)
    assert len(rids) == len(TITLES)
    return catalog, rids


def catalog_order(catalog, rids, sort_on, descending):
    """The catalog's full sort of the matching records (with ties as it breaks them when it
    reads each record's key; with many ties it may walk its index instead, keeping equal keys
    in ascending record order: that case is left out here)."""
    keys = catalog._catalog.getIndex(sort_on).documentToKeyMap()
    return sorted(rids, key=lambda rid: (keys[rid], rid), reverse=descending)


def test_the_order_is_the_catalogs_when_keys_differ(documents):
    catalog, rids = documents
    index = catalog._catalog.getIndex("sortable_title")
    distinct = IISet({index.documentToKeyMap()[rid]: rid for rid in rids}.values())
    for descending in (False, True):
        stock = [b.getRID() for b in catalog._catalog.sortResults(distinct, index, reverse=descending)]
        assert catalog_order(catalog, distinct, "sortable_title", descending) == stock


def force(monkeypatch, way):
    if way == "walk":  # an endless budget: the walk always goes on
        monkeypatch.setattr(results, "SORT_FIXED", 10**12)
    else:  # no budget: never walk
        monkeypatch.setattr(results, "SORT_FIXED", 0)
        monkeypatch.setattr(results, "SORT_PER_MATCH", 0)


@pytest.mark.parametrize("way", ["walk", "sort"])
@pytest.mark.parametrize("sort_on,descending", SORTS)
@pytest.mark.parametrize("b_start,b_size", [(0, 25), (0, 5), (5, 5), (17, 5), (19, 1), (20, 5)])
def test_pages_are_slices_of_the_catalog_order(documents, monkeypatch, way, sort_on, descending,
                                               b_start, b_size):
    catalog, rids = documents
    force(monkeypatch, way)
    expected = catalog_order(catalog, rids, sort_on, descending)
    page = results.sorted_page(catalog, rids, sort_on, descending, b_start, b_size)
    assert [brain.getRID() for brain in page] == expected[b_start:b_start + b_size]
    assert page.actual_result_count == len(TITLES)
    assert len(page) == len(expected[b_start:b_start + b_size])


@pytest.mark.parametrize("sort_on,descending", SORTS)
def test_a_subset_is_walked_in_order_with_ties(documents, sort_on, descending):
    catalog, rids = documents
    subset = IISet(list(rids)[::3])
    index = catalog._catalog.getIndex(sort_on)
    expected = catalog_order(catalog, subset, sort_on, descending)
    assert results.walk(index, subset, descending, len(subset), 10**9) == expected
    assert results.first_sorted(index, subset, descending, 4) == (expected[:4], len(subset))


def test_a_walk_over_its_budget_gives_up(documents):
    catalog, rids = documents
    index = catalog._catalog.getIndex("sortable_title")
    one = IISet([catalog_order(catalog, rids, "sortable_title", False)[-1]])  # the last title
    assert results.walk(index, one, False, 1, 3) is None
    assert len(results.walk(index, one, False, 1, 10**9)) == 1


def test_a_descending_walk_needs_integer_keys(documents):
    catalog, rids = documents
    index = catalog._catalog.getIndex("sortable_title")
    assert results.walk(index, rids, True, 5, 10**9) is None


def test_the_catalog_way_is_taken_when_the_walk_gives_up(documents, monkeypatch):
    """Descending by title cannot be walked: the page still comes, sorted."""
    catalog, rids = documents
    force(monkeypatch, "walk")
    expected = catalog_order(catalog, rids, "sortable_title", True)
    page = results.sorted_page(catalog, rids, "sortable_title", True, 2, 4)
    assert [brain.getRID() for brain in page] == expected[2:6]


def test_nothing_matching_is_an_empty_page(documents):
    catalog, _rids = documents
    page = results.sorted_page(catalog, IISet(), "sortable_title", False, 0, 25)
    assert list(page) == [] and page.actual_result_count == 0
