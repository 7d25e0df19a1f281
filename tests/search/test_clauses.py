"""The record sets of a search (clauses.ClauseSets): the catalog's own answer, worked out once.

Every set is checked against ``catalog.searchResults`` run as the same user with the same
clauses, so the items and the facets see exactly what ``@search`` would.
"""

from collective.twinning.search import clauses
from collective.twinning.search.clauses import ClauseSets
from collective.twinning.search.clauses import clause_set
from collective.twinning.search.clauses import plain_on
from collective.twinning.search.clauses import plain_values
from collective.twinning.search.clauses import range_keys
from collective.twinning.search.clauses import read_clause
from collective.twinning.search.clauses import security_clauses
from collective.twinning.search.engine import parse
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from tests.search.conftest import acting_as
from tests.search.conftest import MANAGER
from tests.search.conftest import MEMBER
from tests.search.conftest import PUPIL
from BTrees.IIBTree import IISet
from BTrees.OOBTree import OOBTree
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue

import pytest


CASES = [  # spec, request parameters
    (PEOPLE, {}),
    (PEOPLE, {"country": "ES"}),
    (PEOPLE, {"country": ["ES", "FR"], "language": "en"}),
    (PEOPLE, {"q": "Rossi"}),
    (POSTINGS, {"subject": "history"}),
    (POSTINGS, {"include_expired": "true", "language": "en"}),
    (PROJECTS, {"state": "running"}),
    (PROJECTS, {"kind": "european", "language": "it"}),
]


def sets_and_stock(spec, params):
    parsed = parse(spec, params)
    catalog = api.portal.get_tool("portal_catalog")
    options = {**parsed.core, **parsed.options}
    sets = ClauseSets.of(catalog, {**parsed.core, **security_clauses(catalog, options)},
                         parsed.filtered)
    stock = catalog.searchResults(**parsed.core, **parsed.filtered, **parsed.options)
    return catalog, parsed, sets, {brain.getRID() for brain in stock}


@pytest.fixture(params=["always", "never"])
def reading(request, monkeypatch):
    """Plain clauses read record by record whenever they may, or never (the other
    search tests take the costs' choice)."""
    always = request.param == "always"
    monkeypatch.setattr(clauses, "reading_is_cheaper", lambda index, records: always)
    return request.param


@pytest.mark.parametrize("userid", [MEMBER, MANAGER, PUPIL, None])
@pytest.mark.parametrize("spec,params", CASES)
def test_the_items_are_the_catalogs(population, reading, userid, spec, params):
    processQueue()
    with acting_as(userid):
        catalog, parsed, sets, stock = sets_and_stock(spec, params)
        assert set(sets.matching()) == stock
        core = set(sets.core)
        for index_id, rids in sets.filters.items():
            assert set(rids) <= core  # every filter is worked out within the core
            others = {k: v for k, v in parsed.filtered.items() if k != index_id}
            left_out = catalog.searchResults(**parsed.core, **others, **parsed.options)
            assert set(sets.without(index_id)) == {brain.getRID() for brain in left_out}


def test_a_clause_within_records_is_its_intersection_with_them(population):
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    profiles = clause_set(catalog, "portal_type", "TeacherProfile")
    everywhere = set(clause_set(catalog, "effectiveRange", DateTime()))
    within = set(clause_set(catalog, "effectiveRange", DateTime(), profiles))
    assert within == everywhere & set(profiles)
    assert within  # the profiles are effective


def test_nothing_in_the_core_leaves_every_set_empty(population):
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    sets = ClauseSets.of(catalog, {"portal_type": "NoSuchType"}, {"country": "ES"})
    assert len(sets.matching()) == 0 and len(sets.without("country")) == 0


@pytest.mark.parametrize("value,accepted", [
    ("ES", {"ES"}),
    (["ES", "IT"], {"ES", "IT"}),
    (("en",), {"en"}),
    (True, {True}),
    ({"query": ["ES", "FR"]}, {"ES", "FR"}),
    ({"query": "ES", "operator": "or"}, {"ES"}),
    ({"query": ["en", "fr"], "operator": "and"}, None),
    ({"query": ["a", "m"], "range": "min:max"}, None),
    ({"not": "ES"}, None),
    ([], None),
    (["ES", 3], None),
    (DateTime("2026-01-01"), None),
    (7, None),
])
def test_only_an_any_of_these_clause_is_read(value, accepted):
    wanted = plain_values(value)
    assert wanted == (None if accepted is None else frozenset(accepted))


READ_CLAUSES = [  # index (keyword or field), clause
    ("country", "ES"),
    ("country", ["ES", "IT"]),
    ("languages", {"query": ["en", "de"], "operator": "or"}),
    ("subjects", "history"),
    ("member_type", "teacher"),
    ("member_type", ["head_teacher", "librarian"]),
    ("review_state", "visible"),
    ("portal_type", ["TeacherProfile", "Organisation"]),
    ("available_for_projects", True),
    ("ambassador", False),
]


@pytest.mark.parametrize("index_id,value", READ_CLAUSES)
@pytest.mark.parametrize("among", ["everything", "profiles", "every other record"])
def test_reading_a_clause_finds_what_its_index_finds(population, index_id, value, among):
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    everything = IISet(catalog._catalog.paths.keys())  # records without the value's field too
    within = {
        "everything": everything,
        "profiles": clause_set(catalog, "portal_type", "TeacherProfile"),
        "every other record": IISet(list(everything)[::2]),
    }[among]
    index = catalog._catalog.getIndex(index_id)
    found = read_clause(index, plain_values(value), within)
    assert set(found) == set(clause_set(catalog, index_id, value, within))
    assert found or among == "every other record"  # the population holds every value


# --- ranges over few keys --------------------------------------------------------------------

class AgeIndex:
    """What range_keys reads of a field index: its keys, as the index converts them."""

    meta_type = "FieldIndex"

    def __init__(self, keys):
        self._index = OOBTree({key: IISet() for key in keys})

    def _convert(self, value, default=None):
        return value


@pytest.mark.parametrize("clause,keys", [
    ({"query": 8, "range": "max"}, {3, 4, 5, 6, 7, 8}),
    ({"query": 18, "range": "min"}, {18, 19, 20}),
    ({"query": [9, 12], "range": "min:max"}, {9, 10, 11, 12}),
    ({"query": 21, "range": "min"}, set()),
    ({"query": "8", "range": "max"}, None),  # no int key compares with text: the index answers
])
def test_a_range_over_few_keys_is_any_of_them(clause, keys):
    index = AgeIndex(range(3, 21))
    found = range_keys(index, clause)
    assert (found if found is None else set(found)) == keys
    assert plain_on(index, clause) == found


def test_a_range_over_many_keys_is_left_to_its_index():
    index = AgeIndex(range(100))
    assert range_keys(index, {"query": 50, "range": "max"}) is None  # 51 keys
    assert range_keys(index, {"query": 80, "range": "min"}) == frozenset(range(80, 100))
