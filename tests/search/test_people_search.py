"""People search (search.specs.PEOPLE) on the hand-built directory of conftest.py."""

from Acquisition import aq_base
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.search.specs import PEOPLE
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.search.conftest import acting_as
from tests.search.conftest import ACTORS
from tests.search.conftest import days_ago
from tests.search.conftest import search
from tests.search.conftest import VISIBLE_PROFILES
from zExceptions import BadRequest
from zope.lifecycleevent import modified

import json
import pytest


ANA, LUCA, MARTA, PIERRE = VISIBLE_PROFILES

# params -> the profiles found, in name order (as a member)
FILTERS = [
    ({}, [ANA, LUCA, MARTA, PIERRE]),
    ({"q": "rossi"}, [LUCA]),
    ({"q": "garcia"}, [ANA]),  # accents are ignored
    ({"q": "Cervantes"}, [ANA]),  # the school's name
    ({"q": "Galileo Gal"}, [LUCA]),  # the last word is a prefix
    ({"q": "Mar"}, [MARTA, PIERRE]),  # Marta, Martin
    ({"q": "Jonas"}, []),  # hidden
    ({"q": "Ana Rossi"}, []),  # every word must match
    ({"country": "ES"}, [ANA, MARTA]),
    ({"country": ["ES", "FR"]}, [ANA, MARTA, PIERRE]),
    ({"country": "DE"}, []),  # only the hidden profile
    ({"language": "it"}, [LUCA]),
    ({"language": ["de", "fr"]}, [PIERRE]),
    ({"subject": "history"}, [ANA, PIERRE]),
    ({"subject": ["mathematics", "physics"]}, [LUCA, MARTA]),
    ({"vocational_subject": "tourism"}, [PIERRE]),
    ({"vocational_subject": "agriculture"}, []),
    ({"member_type": "head_teacher"}, [MARTA]),
    ({"member_type": ["librarian", "head_teacher"]}, [MARTA, PIERRE]),
    ({"available": "false"}, [MARTA]),
    ({"available": "true"}, [ANA, LUCA, PIERRE]),
    ({"ambassador": "true"}, [ANA, PIERRE]),
    ({"ambassador": "0"}, [LUCA, MARTA]),
    ({"country": "ES", "available": "true"}, [ANA]),
    ({"country": ["ES", "IT"], "subject": ["physics", "mathematics"]}, [LUCA, MARTA]),
    ({"country": "IT", "ambassador": "true"}, []),
    ({"q": "Ana", "country": "FR"}, []),
]


def test_each_filter(population, find):
    wrong = [
        (params, found, expected)
        for params, expected in FILTERS
        if (found := find(PEOPLE, params)) != expected
    ]
    assert wrong == []


def test_a_word_the_lexicon_drops_is_left_out_as_in_the_catalogs_query(population, find, monkeypatch):
    """A lexicon with stop words drops them from a query; asked term by term, the search too."""
    catalog = api.portal.get_tool("portal_catalog")
    lexicon = aq_base(catalog._catalog.getIndex("SearchableText").getLexicon())
    parse_terms = type(lexicon).parseTerms
    monkeypatch.setattr(
        type(lexicon),
        "parseTerms",
        lambda self, text: [w for w in parse_terms(self, text) if w.rstrip("*") != "the"],
    )
    with acting_as(ACTORS["member"]):
        stock = [brain.getId for brain in catalog(SearchableText="the Rossi*", portal_type="TeacherProfile")]
    assert stock == [LUCA]
    assert find(PEOPLE, {"q": "the Rossi"}) == [LUCA]
    with pytest.raises(BadRequest, match=r"^q:"):  # nothing left to search for
        search(PEOPLE, {"q": "the"})


@pytest.mark.parametrize("q", ["\u0241", "\u0241\u0241", "\u037a", "\u0241 \u037a"])
def test_a_query_the_lexicon_leaves_no_word_of_is_400_naming_q(population, q):
    """Letters the lexicon's normaliser turns into nothing (or a lone glob): no word to search for."""
    with pytest.raises(BadRequest, match=r"^q:"):
        search(PEOPLE, {"q": q})


def test_a_term_the_lexicon_leaves_no_word_of_is_left_out_beside_words(population, find):
    assert find(PEOPLE, {"q": "Rossi \u0241\u0241"}) == [LUCA]


def test_an_accent_typed_apart_from_its_letter_is_joined_to_it(population, find):
    assert find(PEOPLE, {"q": "Garci\u0301a"}) == [ANA]
    assert find(PEOPLE, {"q": "Garci\u0301"}) == [ANA]  # the last word, a prefix


def test_sort_by_name_or_most_recent(population, find):
    for userid, days in ((PIERRE, 1), (ANA, 2), (MARTA, 3), (LUCA, 4)):
        population[userid].creation_date = days_ago(days)
        population[userid].reindexObject()
    assert find(PEOPLE) == [ANA, LUCA, MARTA, PIERRE]
    assert find(PEOPLE, {"sort_on": "name"}) == [ANA, LUCA, MARTA, PIERRE]
    assert find(PEOPLE, {"sort_on": "recent"}) == [PIERRE, ANA, MARTA, LUCA]


# Who finds whom (called as a function: the endpoint also refuses anonymous and pupils).
EXPECTED = {
    "anonymous": [],
    "pupil": [],
    "member": VISIBLE_PROFILES,
    "teacher": VISIBLE_PROFILES,
    "former_teacher": VISIBLE_PROFILES,  # not even its own hidden profile
    "national_validator": VISIBLE_PROFILES,
    "european_validator": VISIBLE_PROFILES,
    "manager": VISIBLE_PROFILES,  # hidden profiles are out of the directory for everyone
}


def test_items_are_what_the_catalog_shows_each_user(population, find):
    catalog = api.portal.get_tool("portal_catalog")
    wrong = []
    for actor, userid in ACTORS.items():
        found = find(PEOPLE, {}, userid)
        with acting_as(userid):
            shown = sorted(b.getId for b in catalog(portal_type="TeacherProfile", review_state="visible"))
        if found != EXPECTED[actor] or sorted(found) != shown:
            wrong.append((actor, found, shown))
    assert wrong == []


def test_hidden_profiles_are_in_the_catalog_for_their_owner_and_administrators(population):
    """What the fixed ``review_state`` of the search takes away (the catalog alone would show them)."""
    catalog = api.portal.get_tool("portal_catalog")
    for userid in (ACTORS["former_teacher"], ACTORS["manager"]):
        with acting_as(userid):
            assert "teacher-jonas-de" in [b.getId for b in catalog(portal_type="TeacherProfile")]


SUMMARY_KEYS = {
    "@id",
    "@type",
    "UID",
    "title",
    "country",
    "organisation",
    "member_type",
    "subjects",
    "vocational_subjects",
    "languages",
    "available_for_projects",
    "ambassador",
}


def test_summaries_are_public_fields_without_email(population):
    result = search(PEOPLE, {}, ACTORS["manager"])
    assert "@example.org" not in json.dumps(result)
    ana = result["items"][0]
    assert set(ana) == SUMMARY_KEYS
    assert ana["title"] == "Ana García"
    assert ana["organisation"]["title"] == "IES Miguel de Cervantes"
    assert ana["organisation"]["UID"] == population["ies-cervantes"].UID()
    assert (ana["country"], ana["member_type"], ana["languages"]) == ("ES", "teacher", ["es", "en"])
    assert (ana["available_for_projects"], ana["ambassador"]) == (True, True)
    pierre = result["items"][3]
    assert pierre["organisation"] is None
    assert pierre["vocational_subjects"] == ["tourism"]


def test_profile_follows_the_account_in_the_search(population, find):
    api.user.get(userid=ANA).setMemberProperties({"fullname": "Ana Pérez", "country": "PT"})
    assert find(PEOPLE, {"q": "perez"}) == [ANA]
    assert find(PEOPLE, {"q": "garcia"}) == []
    assert find(PEOPLE, {"country": "PT"}) == [ANA]


def test_q_finds_the_school_by_its_current_name(population, find):
    """The profile's words include its school's name: renaming the school must reach the index."""
    assert find(PEOPLE, {"q": "Cervantes"}) == [ANA]  # indexed (the catalog's queue is processed)
    school = population["ies-cervantes"]
    school.title = "Instituto Miguel Hernández"
    modified(school)
    assert find(PEOPLE, {"q": "Hernandez"}) == [ANA]
    assert find(PEOPLE, {"q": "Cervantes"}) == []


def test_a_new_teacher_is_found_at_once(population, find):
    create_teacher("teacher-sofia-pt", "PT")
    sync_profile("teacher-sofia-pt")
    assert find(PEOPLE, {"country": "PT"}) == ["teacher-sofia-pt"]
    api.user.revoke_roles(username="teacher-sofia-pt", roles=["Teacher"])
    sync_profile("teacher-sofia-pt")
    assert find(PEOPLE, {"country": "PT"}) == []


# --- who may search people (the endpoint's permission) -------------------------------

SEARCHERS = {
    "anonymous": False,
    "pupil": False,
    "member": True,
    "teacher": True,
    "national_validator": True,
    "european_validator": True,
    "manager": True,
}


@pytest.fixture
def searchers(portal):
    create_teacher("teacher-ana-es", "ES")
    create_account("member-nora-pt", "PT")
    create_validator("validator-es", "ES")
    create_account("validator-eu", "BE", roles=["EuropeanValidator"])
    create_account("admin-olga", "ES", roles=["Manager"])
    space = make_space(portal["projects"], "teacher-ana-es", None, "running")
    with api.env.adopt_roles(["Manager"]):
        create_pupil(space, {"username": "pupil-pablo", "fullname": "Pablo Ruiz", "password": PASSWORD})


def test_who_may_search_people(portal, searchers):
    allowed = {}
    for actor in SEARCHERS:
        with acting_as(ACTORS[actor]):
            allowed[actor] = bool(api.user.has_permission("collective.twinning: Search people", obj=portal))
    assert allowed == SEARCHERS
