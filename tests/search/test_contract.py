"""Every search answers what ``portal_catalog.searchResults`` answers, as the same user.

The items and the total are those of ``searchResults`` with the same clauses, sort and batch
(``sort_limit``, ``b_start``, ``b_size``); each facet value's count is the naive one: the length
of ``searchResults`` with every clause but the facet's own, and that value.
"""

from collective.twinning.search.engine import parse
from collective.twinning.search.specs import ORGANISATIONS
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from plone import api
from Products.CMFCore.indexing import processQueue
from Products.CMFPlone.CatalogTool import CatalogTool
from tests.search.conftest import acting_as
from tests.search.conftest import MANAGER
from tests.search.conftest import MEMBER
from tests.search.conftest import PUPIL
from tests.search.conftest import search
from ZTUtils.Lazy import LazyCat

import pytest
import transaction


CASES = [  # spec, request parameters
    (PEOPLE, {}),
    (PEOPLE, {"country": "ES"}),
    (PEOPLE, {"country": ["ES", "FR"], "language": "en"}),
    (PEOPLE, {"q": "Rossi"}),
    (PEOPLE, {"q": "Mar", "available": "true"}),
    (PEOPLE, {"q": "Luca Rossi"}),  # terms ANDed: one person
    (PEOPLE, {"q": "Luca López"}),  # each term finds someone, together no one
    (PEOPLE, {"q": "Galileo and Liceo Gal"}),  # an operator word, searched for as a word
    (ORGANISATIONS, {"q": "Escola do Port"}),
    (PEOPLE, {"sort_on": "recent", "b_size": "2", "b_start": "1"}),
    (ORGANISATIONS, {"organisation_type": ["primary", "secondary"], "region": "Liguria"}),
    (POSTINGS, {"subject": "history"}),
    (POSTINGS, {"include_expired": "true", "language": "en"}),
    (POSTINGS, {"age_from": "12", "topic": "stem"}),
    (PROJECTS, {"state": "running"}),
    (PROJECTS, {"kind": "european", "language": "it"}),
    (PROJECTS, {"registered_since": "2000-01-01", "erasmus": "true", "b_size": "1"}),
    (PROJECTS, {"sort_on": "title", "b_start": "3"}),
]
USERS = [MEMBER, MANAGER, PUPIL, None]


def naive_facets(spec, params) -> dict:
    """For each facet value, how many records searchResults finds with it and every other clause."""
    query = parse(spec, params).query()
    catalog = api.portal.get_tool("portal_catalog")
    facets = {}
    for spec_filter in spec.filters:
        if not spec_filter.facet:
            continue
        values = [True, False] if spec_filter.kind == "flag" else spec_filter.allowed()
        others = {index: clause for index, clause in query.items() if index != spec_filter.index}
        counts = {
            ("true" if value is True else "false" if value is False else value): len(
                catalog.searchResults(**others, **{spec_filter.index: value})
            )
            for value in values
        }
        facets[spec_filter.param] = {value: count for value, count in counts.items() if count}
    return facets


def stock_page(spec, params) -> tuple[list, int]:
    """The URLs of the page and the total, from searchResults with the same sort and batch."""
    parsed = parse(spec, params)
    catalog = api.portal.get_tool("portal_catalog")
    results = catalog.searchResults(
        **parsed.query(),
        **parsed.sort,
        sort_limit=parsed.b_start + parsed.b_size,
        b_start=parsed.b_start,
        b_size=parsed.b_size,
    )
    brains = [results[i] for i in range(min(len(results), parsed.b_size))]
    return [brain.getURL() for brain in brains], results.actual_result_count


@pytest.mark.parametrize("userid", USERS)
def test_items_total_and_facets_are_the_catalogs(population, userid):
    wrong = []
    for spec, params in CASES:
        found = search(spec, params, userid)
        with acting_as(userid):
            urls, total = stock_page(spec, params)
            facets = naive_facets(spec, params)
        if ([item["@id"] for item in found["items"]], found["items_total"]) != (urls, total):
            wrong.append((spec.portal_type, params, "items", found["items_total"], total))
        if found["facets"] != facets:
            wrong.append((spec.portal_type, params, "facets", found["facets"], facets))
    assert wrong == []


def test_the_cases_find_something(population):
    """The table above is no table of empty answers."""
    assert sum(search(spec, params, MANAGER)["items_total"] > 0 for spec, params in CASES) >= 12


def move_to(profile, country: str) -> None:
    profile.country = country
    profile.reindexObject()


def test_a_change_in_the_same_transaction_is_counted(population):
    before = search(PEOPLE, {})["facets"]["country"]
    move_to(population["teacher-ana-es"], "PT")
    after = search(PEOPLE, {})["facets"]["country"]
    assert before == {"ES": 2, "IT": 1, "FR": 1}
    assert after == {"ES": 1, "IT": 1, "FR": 1, "PT": 1}


def test_changes_before_a_savepoint_are_counted(committed):
    """A savepoint makes the catalog's changed counter look unchanged: two transactions making
    as many changes each still count their own."""
    assert search(PEOPLE, {})["facets"]["country"] == {"ES": 2, "IT": 1, "FR": 1}
    for userid, expected in (
        ("teacher-ana-es", {"ES": 1, "IT": 1, "FR": 1, "PT": 1}),
        ("teacher-luca-it", {"ES": 2, "FR": 1, "PT": 1}),
    ):
        move_to(committed[userid], "PT")
        processQueue()
        transaction.savepoint()
        assert search(PEOPLE, {})["facets"]["country"] == expected
        transaction.abort()
    assert search(PEOPLE, {})["facets"]["country"] == {"ES": 2, "IT": 1, "FR": 1}


def test_a_committed_change_is_counted(committed):
    assert search(PEOPLE, {"language": "en"})["facets"]["country"] == {"ES": 1, "IT": 1, "FR": 1}
    move_to(committed["teacher-luca-it"], "ES")
    transaction.commit()
    assert search(PEOPLE, {"language": "en"})["facets"]["country"] == {"ES": 2, "FR": 1}
    move_to(committed["teacher-luca-it"], "IT")
    transaction.commit()
    assert search(PEOPLE, {"language": "en"})["facets"]["country"] == {"ES": 1, "IT": 1, "FR": 1}


def test_facets_stay_right_when_searchresults_answers_another_kind_of_result(population, monkeypatch):
    """A product wrapping searchResults (collective.solr...) hides the record ids: every value
    is then counted with its own search."""
    expected = [search(spec, params, MEMBER) for spec, params in CASES]
    original = CatalogTool.searchResults

    def wrapped(self, *args, **kw):
        results = original(self, *args, **kw)
        return LazyCat([results], actual_result_count=results.actual_result_count)

    monkeypatch.setattr(CatalogTool, "searchResults", wrapped)
    assert [search(spec, params, MEMBER) for spec, params in CASES] == expected


def test_ties_come_in_the_catalogs_order_across_negative_and_positive_record_ids(population):
    """Profiles with one name (and one creation date): the page holds the ones the catalog's
    sort keeps, whatever the sign of their record ids."""
    catalog = api.portal.get_tool("portal_catalog")
    processQueue()
    created = population["teacher-ana-es"].created()
    for first_rid, userids in ((-3, ("twin-a", "twin-b", "twin-c")), (5, ("twin-d", "twin-e"))):
        for userid in userids:
            with api.env.adopt_roles(["Manager"]):
                profile = api.content.create(
                    container=api.portal.get()["people"],
                    type="TeacherProfile",
                    id=userid,
                    safe_id=False,
                )
            profile.fullname, profile.country, profile.creation_date = "Ana Twin", "ES", created
            profile.reindexObject()
        catalog._catalog._v_nextid = first_rid  # where the catalog numbers the next records
        processQueue()
    rids = [brain.getRID() for brain in catalog.unrestrictedSearchResults(SearchableText="Twin")]
    assert min(rids) < 0 < max(rids)
    wrong = []
    for params in (
        {"q": "Twin", "b_size": "2"},
        {"q": "Twin", "b_size": "2", "b_start": "2"},
        {"q": "Twin", "b_size": "3", "b_start": "4"},
        {"country": "ES", "b_size": "4"},
        {"sort_on": "recent", "b_size": "3"},
        {"sort_on": "recent", "b_size": "3", "b_start": "5"},
    ):
        found = search(PEOPLE, params, MEMBER)
        with acting_as(MEMBER):
            urls, total = stock_page(PEOPLE, params)
        if ([item["@id"] for item in found["items"]], found["items_total"]) != (urls, total):
            wrong.append((params, [item["@id"] for item in found["items"]], urls))
    assert wrong == []
