"""Text queries without scores (text.text_set): the same records as the index's scored answer."""

from collective.twinning.search.filters import text_query
from collective.twinning.search.text import text_set
from plone import api
from Products.CMFCore.indexing import processQueue
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from Products.ZCTextIndex.ParseTree import ParseError

import pytest


QUERIES = [
    "heritage",
    "HERITAGE",
    "herit*",
    "partner wanted",
    "partner AND wanted",
    "partner OR music",
    "music OR zzzunknown",
    "partner AND NOT music",
    "partner AND NOT zzzunknown",
    "(music OR art) AND partner",
    "(music OR art) AND NOT (partner OR borders)",
    '"partner wanted"',
    '"wanted partner"',
    '"partner zzzunknown"',
    "zzzunknown",
    "a",
    "a partner",
    "partner OR a",
    "partner AND NOT a",
    "music zzzunknown",
    "zzz*",
    "mediterranean",
    "genova",
    "w*",
    "project*",
    text_query("q", "music and art"),
    text_query("q", "Maths in the kit"),
    text_query("q", "not partner"),
]


def stock_keys(index, query: str) -> set:
    result = index._apply_index({"SearchableText": query})[0]
    return set() if result is None else set(result.keys())


@pytest.fixture
def text_index(population):
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    return catalog._catalog.getIndex("SearchableText")


@pytest.mark.parametrize("query", QUERIES)
def test_same_records_as_the_scored_answer(text_index, query):
    assert set(text_set(text_index, query)) == stock_keys(text_index, query)


def test_the_queries_find_something(text_index):
    """The table is not a table of empty answers (which any evaluator would match)."""
    found = {query: len(stock_keys(text_index, query)) for query in QUERIES}
    assert sum(1 for count in found.values() if count) >= 15, found
    assert found["partner AND NOT music"] < found["partner wanted"] + found["music OR zzzunknown"]


@pytest.mark.parametrize("query", ["heritage", "herit*", "partner OR music",
                                   "partner AND NOT music", text_query("q", "music and art")])
def test_words_are_not_scored(text_index, monkeypatch, query):
    expected = stock_keys(text_index, query)

    def scoring(self, wids):
        raise AssertionError("scored")

    monkeypatch.setattr(OkapiIndex, "_search_wids", scoring)
    assert set(text_set(text_index, query)) == expected


@pytest.mark.parametrize("query, error", [("NOT music", ParseError), ("music AND", ParseError),
                                          ("(music", ParseError),
                                          ("partner NOT music", ParseError)])
def test_queries_the_index_refuses_are_refused(text_index, query, error):
    with pytest.raises(error):
        stock_keys(text_index, query)
    with pytest.raises(error):
        text_set(text_index, query)
