"""Facet counts with bit masks (mask_counts.py): the same facets as the other ways, used only
with the flat copies of a committed state, and never for the core's own counts.

The population is a few records: the threshold and the cost of masks are patched so that
masks are used wherever they can be had, and the other ways go through the entries (not
reading records), so that entries are copied: asked for in a first search, copied in a
second, masked from the third on.
"""

from collective.twinning.search import facets
from collective.twinning.search import mask_counts
from collective.twinning.search.mask_counts import MaskCounts
from collective.twinning.search.specs import ORGANISATIONS
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from Products.CMFCore.indexing import processQueue
from tests.search.conftest import days_ago
from tests.search.conftest import MANAGER
from tests.search.conftest import MEMBER
from tests.search.conftest import PUPIL
from tests.search.conftest import search

import pytest
import transaction


@pytest.fixture
def masking(committed, monkeypatch):
    monkeypatch.setattr(mask_counts, "MASK_FROM", 0)
    monkeypatch.setattr(mask_counts, "mask_cost", lambda values, positions: 0)
    monkeypatch.setattr(facets, "reading_is_cheaper", lambda index, records: False)
    return committed


@pytest.fixture
def masked(monkeypatch) -> list:
    """The facets counted with masks (index ids), as they are counted."""
    counted = []
    original = MaskCounts.counts

    def recording(self, index_id, values):
        found = original(self, index_id, values)
        if found is not None:
            counted.append(index_id)
        return found

    monkeypatch.setattr(MaskCounts, "counts", recording)
    return counted


def without_masks(spec, params, userid, monkeypatch) -> dict:
    with monkeypatch.context() as patched:
        patched.setattr(MaskCounts, "counts", lambda self, index_id, values: None)
        return search(spec, params, userid)


CASES = [  # spec, request parameters: at least one filter, so that a base is not the core
    (PEOPLE, {"available": "true"}),
    (PEOPLE, {"country": ["ES", "FR"], "language": "en"}),
    (PEOPLE, {"language": "en", "member_type": "teacher", "ambassador": "true"}),
    (PEOPLE, {"q": "Rossi", "language": "it"}),
    (ORGANISATIONS, {"country": "ES", "organisation_type": "primary"}),
    (POSTINGS, {"include_expired": "true", "language": "en"}),
    (POSTINGS, {"language": ["en", "it"], "subject": "history"}),
    (PROJECTS, {"kind": "european", "language": "it"}),
    (PROJECTS, {"country": "ES", "state": ["running", "labelled"]}),
    # ranges: ages as any of their few keys, a date from the type's kept order (orders.py)
    (PROJECTS, {"age_from": "10", "age_to": "12", "kind": "european"}),
    (PROJECTS, {"registered_since": days_ago(150).strftime("%Y-%m-%d"), "language": "en"}),
    (POSTINGS, {"age_from": "7", "language": "en"}),
]


@pytest.mark.parametrize("userid", [MEMBER, MANAGER, PUPIL, None])
def test_masks_count_what_the_other_ways_count(masking, masked, monkeypatch, userid):
    for spec, params in CASES:
        if userid in (None, PUPIL) and spec is PEOPLE:
            continue  # people search is for members
        expected = without_masks(spec, params, userid, monkeypatch)
        for _asked_copied_masked in range(3):
            found = search(spec, params, userid)
            assert found["facets"] == expected["facets"], (spec.portal_type, params)
            assert found["items_total"] == expected["items_total"]
    assert masked  # masks were used


def test_searches_are_masked_once_entries_are_copied(masking, masked):
    """Entries asked for the first time in a committed state are the index's own sets, copied
    the second time (entries.py): masks are made of copies only, and asking for them does not
    count as asking for the entries."""
    search(PEOPLE, {"available": "true"}, MEMBER)
    search(PEOPLE, {"available": "true"}, MEMBER)
    assert masked == []
    search(PEOPLE, {"available": "true"}, MEMBER)
    # every facet but the filter's own, whose base is the core
    assert set(masked) == {"country", "languages", "subjects", "vocational_subjects",
                           "member_type", "ambassador"}


def test_the_core_alone_is_never_masked(masking, masked):
    for _asked_copied_masked in range(3):
        found = search(PEOPLE, {}, MEMBER)["facets"]
    assert masked == []
    assert found["member_type"] == {"teacher": 2, "head_teacher": 1, "librarian": 1}


def test_a_core_with_text_is_never_masked(masking, masked):
    """What a person types makes a core alike to no other search's: its mask would be made
    record by record for that one search."""
    for _asked_copied_masked in range(3):
        found = search(PEOPLE, {"q": "Rossi", "language": "it"}, MEMBER)
    assert masked == []
    assert found["items_total"] == 1 and found["facets"]["country"] == {"IT": 1}
    for _asked_copied_masked in range(3):
        search(PEOPLE, {"country": "IT", "language": "it"}, MEMBER)
    assert masked  # the same filters without text are masked


def test_a_committed_change_is_counted(masking, masked):
    for _asked_copied_masked in range(3):
        search(PEOPLE, {"available": "true"}, MEMBER)
    masking["teacher-ana-es"].member_type = "librarian"
    masking["teacher-ana-es"].reindexObject()
    transaction.commit()
    del masked[:]
    for _asked_copied_masked in range(3):
        found = search(PEOPLE, {"available": "true"}, MEMBER)["facets"]
        assert found["member_type"] == {"teacher": 1, "librarian": 2}
    assert "member_type" in masked


def test_a_change_in_this_transaction_is_counted_without_masks(masking, masked):
    for _asked_copied_masked in range(3):
        search(PEOPLE, {"available": "true"}, MEMBER)
    masking["teacher-luca-it"].available_for_projects = False
    masking["teacher-luca-it"].reindexObject()
    processQueue()
    del masked[:]
    found = search(PEOPLE, {"language": "en"}, MEMBER)["facets"]
    assert found["available"] == {"true": 2, "false": 1}
    assert "available_for_projects" not in masked
    transaction.abort()
    for _asked_copied_masked in range(3):
        found = search(PEOPLE, {"language": "en"}, MEMBER)["facets"]
    assert found["available"] == {"true": 3}
    assert "available_for_projects" in masked


def test_masks_are_not_used_where_they_cost_more(committed, masked):
    """With the measured costs, a population of a few records is counted the other ways."""
    for spec, params in CASES:
        for _asked_copied_masked in range(3):
            search(spec, params, MANAGER)
    assert masked == []


def test_ranges_are_masked(masking, masked, monkeypatch):
    """Ages through their keys' entries, a date through the kept order's blocks, not as masks
    made of their records for the one search (not allowed here)."""
    monkeypatch.setattr(mask_counts, "MAX_MADE", 0)
    since = days_ago(150).strftime("%Y-%m-%d")
    for _asked_copied_masked in range(3):
        found = search(PROJECTS, {"age_from": "10", "registered_since": since}, MEMBER)
    assert found["items_total"] == 2
    assert set(masked) == {"subjects", "languages", "country", "review_state", "project_kind",
                           "erasmus"}  # every facet with values
