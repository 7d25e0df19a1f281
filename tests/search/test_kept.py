"""Searches on a committed catalog, where what a search found and the sort orders are kept per state:
the answers stay the catalog's for whoever asks, whatever changed outside the catalog."""

from collective.twinning.search import pages
from collective.twinning.search.specs import ORGANISATIONS
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from plone import api
from tests.search.conftest import acting_as
from tests.search.conftest import MANAGER
from tests.search.conftest import MEMBER
from tests.search.conftest import PUPIL
from tests.search.conftest import search
from tests.search.test_contract import stock_page
from tests.search.test_project_search import since

import pytest
import transaction


def page_and_total(spec, params, userid):
    found = search(spec, params, userid)
    return [item["@id"] for item in found["items"]], found["items_total"]


def stock(spec, params, userid):
    with acting_as(userid):
        return stock_page(spec, params)


def test_a_new_group_shows_its_roles_at_once(committed):
    """A group membership writes nothing in the catalog: the next search sees with the new roles."""
    assert page_and_total(PEOPLE, {}, PUPIL) == ([], 0)
    api.group.create(groupname="directory-readers", roles=["Member"])
    api.group.add_user(groupname="directory-readers", username=PUPIL)
    transaction.commit()
    found = page_and_total(PEOPLE, {}, PUPIL)
    assert found[1] > 0
    assert found == stock(PEOPLE, {}, PUPIL)
    api.group.remove_user(groupname="directory-readers", username=PUPIL)
    transaction.commit()
    assert page_and_total(PEOPLE, {}, PUPIL) == ([], 0)


def test_each_user_gets_their_own_answer(committed):
    """One search after another by people who see different things."""
    for userid in (MANAGER, PUPIL, MEMBER, None, MANAGER):
        for spec in (PEOPLE, PROJECTS, POSTINGS):
            assert page_and_total(spec, {}, userid) == stock(spec, {}, userid)


WALKED = [  # spec, request parameters: pages of 1 to 3 items, so the walk has 4 to 12 to find
    (PEOPLE, {"b_size": "1"}),
    (PEOPLE, {"b_size": "2", "b_start": "1"}),
    (PEOPLE, {"sort_on": "recent", "b_size": "1"}),
    (PEOPLE, {"sort_on": "recent", "b_size": "1", "b_start": "2"}),
    (PEOPLE, {"country": "ES", "b_size": "1"}),
    (PEOPLE, {"q": "Twin", "b_size": "1"}),
    (PEOPLE, {"q": "Twin", "sort_on": "recent", "b_size": "1", "b_start": "1"}),
    (ORGANISATIONS, {"b_size": "1"}),
    (POSTINGS, {"b_size": "1"}),
    (POSTINGS, {"include_expired": "true", "b_size": "1", "b_start": "1"}),
    (PROJECTS, {"b_size": "1"}),
    (PROJECTS, {"sort_on": "title", "b_size": "1", "b_start": "2"}),
]


def add_twins(portal) -> None:
    """Profiles with one name, two by two with one creation date: ties in both sort orders."""
    created = portal["people"]["teacher-ana-es"].created()
    for days, userid in enumerate(("twin-a", "twin-b", "twin-c", "twin-d", "twin-e", "twin-f")):
        with api.env.adopt_roles(["Manager"]):
            profile = api.content.create(
                container=portal["people"], type="TeacherProfile", id=userid, safe_id=False
            )
        profile.fullname, profile.country = "Ana Twin", "ES"
        profile.creation_date = created + 30 * (days // 2)
        profile.reindexObject()
    transaction.commit()


@pytest.mark.parametrize("userid", [MEMBER, MANAGER])
def test_pages_found_in_the_kept_order_are_the_catalogs(committed, functional_portal, monkeypatch, userid):
    """With chunks of one sort key and the walk always chosen, every page is the catalog's."""
    monkeypatch.setattr(pages, "CHUNK", 1)
    monkeypatch.setattr(pages, "worth_walking", lambda *args: True)
    add_twins(functional_portal)
    wrong = [
        (spec.portal_type, params, ours, theirs)
        for spec, params in WALKED
        if (ours := page_and_total(spec, params, userid)) != (theirs := stock(spec, params, userid))
    ]
    assert wrong == []
    walked = sum(1 for spec, params in WALKED if page_and_total(spec, params, userid)[1] >= 4)
    assert walked >= 8  # most cases have the 4 matches the walk needs


RANGES = [  # spec, request parameters with range clauses (a date, ages)
    (PROJECTS, {"registered_since": "2000-01-01"}),
    (PROJECTS, {"registered_since": since(150)}),
    (PROJECTS, {"registered_since": since(0), "sort_on": "title"}),
    (PROJECTS, {"age_from": "11", "age_to": "12"}),
    (PROJECTS, {"age_from": "16"}),
    (POSTINGS, {"age_from": "12"}),
    (POSTINGS, {"age_to": "9", "include_expired": "true"}),
]


@pytest.mark.parametrize("userid", [MEMBER, MANAGER])
def test_ranges_asked_again_in_one_state_are_the_catalogs(committed, userid):
    """From an index's second range clause in one state on, its kept order answers them."""
    wrong = [
        (spec.portal_type, params, ours, theirs)
        for _round in range(2)
        for spec, params in RANGES
        if (ours := page_and_total(spec, params, userid)) != (theirs := stock(spec, params, userid))
    ]
    assert wrong == []
