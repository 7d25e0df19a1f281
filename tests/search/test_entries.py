"""Flat copies of index entries shared across requests (entries.py): found again while the
catalog is unchanged, never once a committed change, an uncommitted one or an aborted one
could make them wrong.

These tests commit (functional layer): the other search tests run in one uncommitted
transaction, where every entry is read from the index itself.
"""

from BTrees.IIBTree import IISet
from collective.twinning.search import entries
from collective.twinning.search.clauses import ClauseSets
from collective.twinning.search.clauses import security_clauses
from collective.twinning.search.engine import parse
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from plone import api
from Products.CMFCore.indexing import processQueue
from tests.search.conftest import acting_as
from tests.search.conftest import MANAGER
from tests.search.conftest import MEMBER
from tests.search.conftest import PUPIL
from tests.search.conftest import search

import pytest
import transaction


def copies_held() -> int:
    """Copies made (not the marks of entries asked for once)."""
    return sum(rids is not None for copies in entries._by_database.values()
               for _state, rids in copies.sets.values())


def entry_set(catalog, index, value):
    """entries.entry_sets of one value."""
    return entries.entry_sets(catalog, index, (value,))[0]


def member_types() -> dict:
    return search(PEOPLE, {}, MEMBER)["facets"]["member_type"]


def profile_index():
    catalog = api.portal.get_tool("portal_catalog")
    return catalog, catalog._catalog.getIndex("member_type")


CASES = [  # spec, request parameters
    (PEOPLE, {}),
    (PEOPLE, {"country": ["ES", "FR"], "language": "en"}),
    (PEOPLE, {"q": "Rossi"}),
    (POSTINGS, {"include_expired": "true", "language": "en"}),
    (PROJECTS, {"kind": "european", "language": "it"}),
]


@pytest.mark.parametrize("userid", [MEMBER, MANAGER, PUPIL, None])
def test_searches_from_copies_are_the_catalogs(committed, userid):
    catalog = api.portal.get_tool("portal_catalog")
    with acting_as(userid):
        for spec, params in CASES:
            parsed = parse(spec, params)
            core = {**parsed.core, **security_clauses(catalog, {**parsed.core, **parsed.options})}
            stock = catalog.searchResults(**parsed.core, **parsed.filtered, **parsed.options)
            for _asked_copied_found in range(3):
                sets = ClauseSets.of(catalog, core, parsed.filtered)
                assert set(sets.matching()) == {brain.getRID() for brain in stock}
    assert copies_held() > 0


def test_an_entry_is_copied_when_asked_for_again_in_the_same_state(committed):
    catalog, index = profile_index()
    own = index._index["teacher"]
    assert entry_set(catalog, index, "teacher") is own  # once: no copy yet
    copy = entry_set(catalog, index, "teacher")
    assert isinstance(copy, IISet) and copy is not own
    assert entry_set(catalog, index, "teacher") is copy
    # Ana, Luca and the hidden profile of Jonas
    assert set(copy) == set(own) and len(copy) == 3


def test_kept_copies_are_given_only_when_every_value_is_copied_and_mark_nothing(committed):
    catalog, index = profile_index()
    for _asking_marks_nothing in range(3):
        assert entries.kept_copies(catalog, index, ["teacher"]) is None
    assert entry_set(catalog, index, "teacher") is index._index["teacher"]  # first ask
    assert entries.kept_copies(catalog, index, ["teacher"]) is None
    copy = entry_set(catalog, index, "teacher")
    assert entries.kept_copies(catalog, index, ["teacher"]) == [copy]
    assert entries.kept_copies(catalog, index, ["teacher", "librarian"]) is None
    entry_set(catalog, index, "librarian")
    librarian = entry_set(catalog, index, "librarian")
    assert entries.kept_copies(catalog, index, ["librarian", "teacher"]) == [librarian, copy]
    committed["teacher-marta-es"].reindexObject()
    processQueue()  # this transaction changed the catalog: nothing kept counts
    assert entries.kept_copies(catalog, index, ["teacher"]) is None


def test_no_copy_is_made_when_the_catalog_changed_in_between(committed):
    catalog, index = profile_index()
    entry_set(catalog, index, "teacher")
    committed["teacher-marta-es"].reindexObject()  # the catalog counts a change
    transaction.commit()
    own = index._index["teacher"]
    assert entry_set(catalog, index, "teacher") is own
    assert isinstance(entry_set(catalog, index, "teacher"), IISet)


def test_a_committed_change_is_seen(committed):
    assert member_types() == {"teacher": 2, "head_teacher": 1, "librarian": 1}
    committed["teacher-ana-es"].member_type = "librarian"
    committed["teacher-ana-es"].reindexObject()
    transaction.commit()
    assert member_types() == {"teacher": 1, "head_teacher": 1, "librarian": 2}


def test_a_change_in_this_transaction_is_seen_and_not_kept(committed):
    assert member_types()["teacher"] == 2
    committed["teacher-ana-es"].member_type = "trainee_teacher"
    committed["teacher-ana-es"].reindexObject()
    processQueue()
    catalog, index = profile_index()
    assert entries.committed_state(catalog, index) is None
    assert member_types() == {"teacher": 1, "head_teacher": 1, "librarian": 1,
                              "trainee_teacher": 1}
    transaction.abort()
    assert member_types() == {"teacher": 2, "head_teacher": 1, "librarian": 1}


def test_a_value_cleared_without_the_index_counting_it_is_seen(committed):
    """A field index drops a record whose value became None without counting a change
    (``UnIndex._index_object``): the catalog's own counter tells the copies."""
    catalog = api.portal.get_tool("portal_catalog")
    catalog.addIndex("test_colour", "FieldIndex")
    profile = committed["teacher-luca-it"]
    profile.test_colour = "red"
    profile.reindexObject(idxs=["test_colour"])
    transaction.commit()
    index = catalog._catalog.getIndex("test_colour")
    assert list(entry_set(catalog, index, "red")) == [catalog.getrid(
        "/".join(profile.getPhysicalPath()))]
    counted = index.getCounter()
    profile.test_colour = None
    profile.reindexObject(idxs=["test_colour"])
    transaction.commit()
    assert index.getCounter() == counted
    assert list(entry_set(catalog, index, "red")) == []


def test_a_cleared_index_is_seen(committed):
    catalog, index = profile_index()
    assert len(entry_set(catalog, index, "teacher")) == 3
    index.clear()  # the catalog's counter does not count this; the index's does
    transaction.commit()
    assert len(entry_set(catalog, index, "teacher")) == 0


def test_copies_hold_at_most_their_limits_oldest_out_first(monkeypatch):
    monkeypatch.setattr(entries, "MAX_RECORDS", 6)
    monkeypatch.setattr(entries, "MAX_ENTRIES", 4)
    copies = entries._Copies()
    state = (b"1", b"2")
    copies.put("a", state, IISet(range(3)))
    copies.put("b", state, IISet(range(3)))
    assert copies.get("a", state)[0] is not None  # "a" is now the most recent
    copies.put("c", state, IISet(range(2)))
    assert copies.get("b", state) == (None, False) and copies.records == 5
    copies.put("d", state, IISet(range(7)))  # larger than the limit: not kept
    assert copies.get("d", state) == (None, False) and copies.records == 5
    assert copies.get("a", (b"1", b"3")) == (None, False)  # another committed state
    copies.put("e", state)  # asked for once: no records, but an entry
    copies.put("f", state)
    copies.put("g", state)
    assert len(copies.sets) == 4 and copies.get("a", state) == (None, False)
    assert copies.get("e", state) == (None, True) and copies.records == 2
