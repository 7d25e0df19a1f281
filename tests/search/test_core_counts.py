"""Facet counts kept for a search's core (core_counts.py): the same facets as counting
afresh, for the core itself and for sets holding most of it (the core's counts less those
outside), and never used for another core or another committed state.

The population's cores are a few records: KEEP_FROM is lowered so that they are kept.
"""

from BTrees.IIBTree import IISet
from collective.twinning.search import core_counts
from collective.twinning.search.core_counts import CoreCounts
from collective.twinning.search.specs import ORGANISATIONS
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from plone import api
from Products.CMFCore.indexing import processQueue
from tests.search.conftest import MANAGER
from tests.search.conftest import MEMBER
from tests.search.conftest import search

import pytest
import transaction


@pytest.fixture
def keeping(committed, monkeypatch):
    monkeypatch.setattr(core_counts, "KEEP_FROM", 0)
    return committed


def afresh(spec, params, userid, monkeypatch) -> dict:
    """The facets counted without any kept counts."""
    with monkeypatch.context() as patched:
        patched.setattr(CoreCounts, "kept", lambda self, index, values: None)
        patched.setattr(CoreCounts, "keep", lambda self, index, values, counts: None)
        return search(spec, params, userid)["facets"]


CASES = [  # spec, request parameters: bases the core, most of it, or less
    (PEOPLE, {}),
    (PEOPLE, {"available": "true"}),  # 3 of the 4 visible profiles
    (PEOPLE, {"language": "en"}),
    (PEOPLE, {"country": "ES", "available": "true"}),
    (PEOPLE, {"q": "Rossi"}),
    (ORGANISATIONS, {"country": "ES"}),
    (POSTINGS, {"include_expired": "true", "language": "en"}),
    (PROJECTS, {}),
    (PROJECTS, {"kind": "european"}),
]


@pytest.mark.parametrize("userid", [MEMBER, MANAGER, None])
def test_kept_counts_give_the_facets_counted_afresh(keeping, monkeypatch, userid):
    for spec, params in CASES:
        if userid is None and spec is PEOPLE:
            continue  # people search is for members
        expected = afresh(spec, params, userid, monkeypatch)
        for _counted_then_kept in range(2):
            assert search(spec, params, userid)["facets"] == expected, (spec.portal_type, params)
    assert core_counts._by_database  # counts were kept


def test_most_of_the_core_is_counted_from_the_cores_counts(keeping, monkeypatch):
    search(PEOPLE, {}, MEMBER)  # the core's counts are kept
    counted = []
    with monkeypatch.context() as patched:
        original = core_counts.CoreCounts.kept

        def recording(self, index, values):
            found = original(self, index, values)
            counted.append(found is not None)
            return found

        patched.setattr(CoreCounts, "kept", recording)
        facets = search(PEOPLE, {"available": "true"}, MEMBER)["facets"]
    assert counted and all(counted)
    # Ana, Luca and Pierre are available: the core (with Marta) less Marta
    assert facets["member_type"] == {"teacher": 2, "librarian": 1}
    assert facets["country"] == {"ES": 1, "IT": 1, "FR": 1}


def test_a_committed_change_is_counted(keeping):
    assert search(PEOPLE, {}, MEMBER)["facets"]["member_type"]["teacher"] == 2
    keeping["teacher-ana-es"].member_type = "librarian"
    keeping["teacher-ana-es"].reindexObject()
    transaction.commit()
    facets = search(PEOPLE, {"available": "true"}, MEMBER)["facets"]
    assert facets["member_type"] == {"teacher": 1, "librarian": 2}
    assert search(PEOPLE, {}, MEMBER)["facets"]["member_type"] == {
        "teacher": 1, "head_teacher": 1, "librarian": 2}


def test_a_change_in_this_transaction_is_counted_and_not_kept(keeping):
    search(PEOPLE, {}, MEMBER)
    keeping["teacher-marta-es"].member_type = "teacher"
    keeping["teacher-marta-es"].reindexObject()
    processQueue()
    assert search(PEOPLE, {}, MEMBER)["facets"]["member_type"] == {"teacher": 3, "librarian": 1}
    transaction.abort()
    assert search(PEOPLE, {}, MEMBER)["facets"]["member_type"] == {
        "teacher": 2, "head_teacher": 1, "librarian": 1}


def test_counts_are_not_given_for_another_core_of_the_same_size(keeping):
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("member_type")
    profiles = [brain.getRID() for brain in catalog.unrestrictedSearchResults(
        portal_type="TeacherProfile", sort_on="id")]
    first, other = IISet(profiles[:3]), IISet(profiles[1:4])
    CoreCounts(catalog, first).keep(index, ["teacher"], {"teacher": 99})
    assert CoreCounts(catalog, IISet(first)).kept(index, ["teacher"]) == {"teacher": 99}
    assert CoreCounts(catalog, other).kept(index, ["teacher"]) is None
    assert CoreCounts(catalog, first).kept(index, ["teacher", "librarian"]) is None


def test_small_cores_are_not_kept(committed):
    search(PEOPLE, {}, MEMBER)  # 4 profiles: below KEEP_FROM
    assert not core_counts._by_database


def test_kept_counts_are_bounded_a_shared_core_copy_counted_once(monkeypatch):
    monkeypatch.setattr(core_counts, "MAX_KEPT", 3)
    monkeypatch.setattr(core_counts, "MAX_RECORDS", 10)
    kept = core_counts._Kept()
    people, projects = IISet(range(6)), IISet(range(100, 104))
    kept.put("country", people, {"ES": 1})
    kept.put("language", people, {"en": 2})
    assert kept.records == 6  # one copy shared by two counts
    kept.put("state", projects, {"running": 1})
    assert kept.records == 10 and len(kept.counts) == 3
    kept.put("kind", projects, {"european": 1})  # a fourth count: the oldest goes
    assert kept.get("country") is None and kept.records == 10
    kept.put("subject", IISet(range(200, 203)), {"art": 1})  # 13 records: the oldest go
    assert kept.get("language") is None and kept.records == 7
    assert kept.get("state") is not None and kept.get("kind") is not None
    kept.put("huge", IISet(range(11)), {})  # more than the limit: not kept
    assert kept.get("huge") is None and kept.records == 7
