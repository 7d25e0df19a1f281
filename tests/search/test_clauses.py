"""The record sets of a search (clauses.ClauseSets): the catalog's own answer, worked out once.

Every set is checked against ``catalog.searchResults`` run as the same user with the same
clauses, so the items and the facets see exactly what ``@search`` would.
"""

from collective.twinning.search.clauses import ClauseSets
from collective.twinning.search.clauses import clause_set
from collective.twinning.search.clauses import security_clauses
from collective.twinning.search.engine import parse
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from tests.search.conftest import acting_as
from tests.search.conftest import MANAGER
from tests.search.conftest import MEMBER
from tests.search.conftest import PUPIL
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


@pytest.mark.parametrize("userid", [MEMBER, MANAGER, PUPIL, None])
@pytest.mark.parametrize("spec,params", CASES)
def test_the_items_are_the_catalogs(population, userid, spec, params):
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
