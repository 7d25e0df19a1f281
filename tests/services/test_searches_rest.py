"""The four searches over HTTP: who may call them, the answer's shape, query strings with
repeated parameters, 400s naming the parameter, and the same items as ``@search``."""

from tests.search.conftest import build_population
from tests.search.conftest import FOUND_POSTINGS
from tests.search.conftest import FOUND_PROJECTS
from tests.search.conftest import VISIBLE_PROFILES

import pytest
import transaction


DENIED = (401, 403)  # Zope answers 401 to an authenticated user lacking a permission
ENDPOINTS = ("@people-search", "@organisation-search", "@partner-search", "@project-search")

# actor -> the endpoints they may call (people search: authenticated users who are not pupils)
ALLOWED = {
    "anonymous": {"@organisation-search", "@partner-search", "@project-search"},
    "pupil-pablo": {"@organisation-search", "@partner-search", "@project-search"},
    "member-nora-pt": set(ENDPOINTS),
    "teacher-ana-es": set(ENDPOINTS),
    "validator-es": set(ENDPOINTS),
    "validator-eu": set(ENDPOINTS),
    "admin-olga": set(ENDPOINTS),
    "manager": set(ENDPOINTS),  # the site owner
}
TOTALS = {"@people-search": 4, "@organisation-search": 5, "@partner-search": 3, "@project-search": 4}
FACETS = {
    "@people-search": {
        "country",
        "language",
        "subject",
        "vocational_subject",
        "member_type",
        "available",
        "ambassador",
    },
    "@organisation-search": {"country", "organisation_type", "school_label"},
    "@partner-search": {
        "partnership_type",
        "looking_for",
        "country",
        "language",
        "subject",
        "vocational_subject",
        "topic",
    },
    "@project-search": {"subject", "language", "country", "state", "kind", "erasmus", "label", "prize"},
}


@pytest.fixture
def directory(functional_portal):
    made = build_population(functional_portal)
    transaction.commit()
    return made


def found(response) -> list[str]:
    return [item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]]


def test_who_may_search_and_the_answer(directory, session_for):
    wrong = []
    for actor, allowed in ALLOWED.items():
        session = session_for(actor)
        for endpoint in ENDPOINTS:
            response = session.get(f"/{endpoint}")
            if endpoint not in allowed:
                if response.status_code not in DENIED:
                    wrong.append((actor, endpoint, response.status_code))
                continue
            body = response.json() if response.status_code == 200 else {}
            if (
                response.status_code != 200
                or set(body) != {"@id", "items", "items_total", "batching", "facets"}
                or body["items_total"] != TOTALS[endpoint]
                or len(body["items"]) != TOTALS[endpoint]
                or set(body["facets"]) != FACETS[endpoint]
                or body["batching"] != {}
                or not body["@id"].endswith(f"/{endpoint}")
                or "@example.org" in response.text
            ):
                wrong.append((actor, endpoint, response.status_code, response.text[:300]))
    assert wrong == []


def test_repeated_parameters_are_or_ed_different_ones_and_ed(directory, session_for):
    session = session_for("member-nora-pt")
    response = session.get("/@people-search?country=ES&country=FR&language=en")
    assert response.status_code == 200, response.text
    assert found(response) == ["teacher-ana-es", "teacher-pierre-fr"]
    assert response.json()["facets"]["country"] == {"ES": 1, "IT": 1, "FR": 1}
    assert response.json()["@id"].endswith("/@people-search?country=ES&country=FR&language=en")

    response = session.get("/@project-search", params={"country": ["IT", "FR"], "sort_on": "title"})
    assert found(response) == ["our-heritage", "the-sea-unites-us"]
    response = session.get("/@partner-search?topic=stem&include_expired=true&age_to=10")
    assert found(response) == ["maths-partner-sevilla"]
    response = session.get("/@organisation-search?q=Lumi%C3%A8re")
    assert found(response) == ["ecole-lumiere"]


# (endpoint, query string, parameter named by the message)
BAD = [
    ("@people-search", "colour=blue", "colour"),
    ("@people-search", "country=XX", "country"),
    ("@people-search", "available=maybe", "available"),
    ("@people-search", "b_size=101", "b_size"),
    ("@organisation-search", "b_start=-1", "b_start"),
    ("@organisation-search", "organisation_type=university", "organisation_type"),
    ("@partner-search", "age_from=12&age_to=10", "age_from"),
    ("@partner-search", "age_to=99", "age_to"),
    ("@partner-search", "organisation=no-such-uid", "organisation"),
    ("@partner-search", "include_expired=perhaps", "include_expired"),
    ("@project-search", "registered_since=2026-02-30", "registered_since"),
    ("@project-search", "state=draft", "state"),
    ("@project-search", "sort_on=popularity", "sort_on"),
    ("@project-search", "q=", "q"),
    ("@project-search", "q=" + "x" * 201, "q"),
    ("@project-search", "erasmus=true&erasmus=false", "erasmus"),
]


def test_bad_parameters_are_400_naming_them(directory, session_for):
    session = session_for("member-nora-pt")
    wrong = []
    for endpoint, query, param in BAD:
        response = session.get(f"/{endpoint}?{query}")
        body = response.json()
        if (
            response.status_code != 400
            or body.get("type") != "BadRequest"
            or not body.get("message", "").startswith(f"{param}:")
        ):
            wrong.append((endpoint, query, response.status_code, body.get("message")))
    assert wrong == []


def test_batching_over_http(directory, session_for):
    session = session_for("anonymous")
    response = session.get("/@project-search?kind=european&b_size=1")
    body = response.json()
    assert (body["items_total"], found(response)) == (2, ["the-sea-unites-us"])
    assert set(body["batching"]) == {"@id", "first", "last", "next"}
    next_page = session.get(body["batching"]["next"])
    assert found(next_page) == ["our-heritage"]
    assert "kind=european" in body["batching"]["next"]
    assert set(next_page.json()["batching"]) == {"@id", "first", "last", "prev"}


# actor -> what @search (the catalog for that user) must agree with
SAME_AS_SEARCH = {
    "@people-search": ("portal_type=TeacherProfile&review_state=visible", VISIBLE_PROFILES),
    "@organisation-search": ("portal_type=Organisation", None),
    "@partner-search": ("portal_type=PartnerPosting&review_state=published", FOUND_POSTINGS),
    "@project-search": (
        "portal_type=TwinSpace&review_state=validated&review_state=running"
        "&review_state=concluded&review_state=labelled",
        FOUND_PROJECTS,
    ),
}


@pytest.mark.parametrize("actor", ["anonymous", "teacher-ana-es", "validator-es", "admin-olga"])
def test_items_are_the_ones_search_finds_for_the_same_user(directory, session_for, actor):
    session = session_for(actor)
    wrong = []
    for endpoint, (query, expected) in SAME_AS_SEARCH.items():
        if endpoint == "@people-search" and actor == "anonymous":
            continue
        ours = session.get(f"/{endpoint}?b_size=100")
        theirs = session.get(f"/@search?{query}&b_size=100")
        assert ours.status_code == theirs.status_code == 200, (ours.text, theirs.text)
        urls = sorted(item["@id"] for item in ours.json()["items"])
        search_urls = sorted(item["@id"] for item in theirs.json()["items"])
        if endpoint == "@partner-search":
            # @search shows administrators expired content; partner search never does by default.
            expired = directory["tourism-hosts-wanted"].absolute_url()
            search_urls = [url for url in search_urls if url != expired]
        if urls != search_urls or (expected is not None and sorted(found(ours)) != sorted(expected)):
            wrong.append((endpoint, found(ours), search_urls))
    assert wrong == []
