"""The records a text query matches, without scoring them.

A ZCTextIndex answers a query with every matching document's relevance score
(Okapi BM25 per word, then weighted unions and intersections of the scores):
for a common word over 50 000 projects that costs about 30 ms. Every directory
search sorts by an index (name, date), never by relevance, so the scores are
thrown away. Here the index's own parser reads the query and the parse tree is
evaluated on the words' document sets instead, in C set operations, with the
index's rules: a word the lexicon drops (no word ids) matches every document,
so it takes no part in an "and" and none in an "or" or a "not"; a word the index
never saw matches nothing. Phrases, rare in what people type, ask the index
(they need the documents' word order). The parser never makes a NOT node but
inside an AND (a query of negations alone is refused as a ParseError).
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import intersection
from BTrees.IIBTree import IISet
from BTrees.IIBTree import multiunion
from Products.ZCTextIndex.ParseTree import QueryError
from Products.ZCTextIndex.QueryParser import QueryParser


def text_set(text_index, query: str):
    """The ids of the records matching ``query`` in a ZCTextIndex (IISet), as the keys
    of its scored answer would be."""
    tree = QueryParser(text_index.getLexicon()).parseQuery(query)
    found = _evaluate(tree, text_index.index)
    return IISet() if found is None else found


def _evaluate(node, index):
    """A node's records, or None for "every document" (only words without ids)."""
    kind = node.nodeType()
    if kind == "AND":
        return _all_of(node.getValue(), index)
    if kind == "OR":
        return _union([_evaluate(sub, index) for sub in node.getValue()])
    if kind == "ATOM":
        wids = index._lexicon.termToWordIds(node.getValue())
        return _documents(index, wids) if wids else None
    if kind == "GLOB":
        return _documents(index, index._lexicon.globToWordIds(node.getValue()))
    if kind == "PHRASE":
        return IISet(index.search_phrase(node.getValue()).keys())
    raise QueryError(f"Cannot evaluate a {kind} node.")


def _all_of(subnodes, index):
    kept, excluded = [], []
    for sub in subnodes:
        if sub.nodeType() == "NOT":
            excluded.append(_evaluate(sub.getValue(), index))
        else:
            kept.append(_evaluate(sub, index))
    kept = sorted((rids for rids in kept if rids is not None), key=len)
    if not kept:
        return IISet()
    found = kept[0]
    for rids in kept[1:]:
        if not found:
            break
        found = intersection(found, rids)
    if found and excluded:
        found = difference(found, _union(excluded))
    return found


def _union(results):
    sets = [rids for rids in results if rids is not None]
    return multiunion(sets) if sets else IISet()


def _documents(index, wids):
    """The documents holding any of the word ids (those the index never saw: none)."""
    found = (index._wordinfo.get(wid) for wid in wids)
    return _union(IISet(documents.keys()) for documents in found if documents)
