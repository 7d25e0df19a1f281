"""Project search (search.specs.PROJECTS) on the hand-built directory of conftest.py:
validated, running, concluded and labelled projects, most recent first."""

from collective.twinning.search.specs import PROJECTS
from datetime import date
from datetime import timedelta
from plone import api
from tests.search.conftest import acting_as
from tests.search.conftest import ACTORS
from tests.search.conftest import FOUND_PROJECTS
from tests.search.conftest import ids
from tests.search.conftest import search

import json


SEA, HERITAGE, STARS, MATHS = FOUND_PROJECTS  # most recent first
NEVER = ["music-without-borders", "poetry-pending", "archived-garden"]


def since(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


# params -> the projects found, most recent first (as anonymous)
FILTERS = [
    ({}, [SEA, HERITAGE, STARS, MATHS]),
    ({"sort_on": "recent"}, [SEA, HERITAGE, STARS, MATHS]),
    ({"sort_on": "title"}, [MATHS, HERITAGE, STARS, SEA]),  # Maths, Our, Reach, The sea
    ({"q": "museum"}, [HERITAGE]),  # description
    ({"q": "kitchen"}, [MATHS]),  # title
    ({"q": "the"}, [SEA, STARS, MATHS]),
    ({"q": "music"}, []),  # a draft
    ({"q": "poetry"}, []),  # pending
    ({"q": "garden"}, []),  # archived
    ({"subject": "art"}, [HERITAGE]),
    ({"subject": ["physics", "biology"]}, [SEA, STARS]),
    ({"subject": "music"}, []),
    ({"language": "fr"}, [SEA]),
    ({"language": ["it", "fr"]}, [SEA, HERITAGE]),
    ({"country": "ES"}, [HERITAGE, STARS, MATHS]),
    ({"country": "FR"}, [SEA]),
    ({"country": ["IT", "FR"]}, [SEA, HERITAGE]),
    ({"state": "running"}, [HERITAGE]),
    ({"state": ["concluded", "labelled"]}, [STARS, MATHS]),
    ({"kind": "european"}, [SEA, HERITAGE]),
    ({"kind": "national"}, [STARS, MATHS]),
    ({"registered_since": since(150)}, [SEA, HERITAGE]),
    ({"registered_since": since(250)}, [SEA, HERITAGE, STARS]),
    ({"registered_since": since(0)}, []),  # the draft is the only project of the last days
    ({"erasmus": "true"}, [HERITAGE, STARS]),
    ({"erasmus": "false"}, [SEA, MATHS]),
    ({"age_from": "16"}, [SEA]),
    ({"age_to": "9"}, [MATHS]),
    ({"age_from": "11", "age_to": "12"}, [HERITAGE, STARS, MATHS]),
    ({"age_from": "18"}, []),
    ({"country": "ES", "kind": "national", "erasmus": "true"}, [STARS]),
    ({"country": ["ES", "FR"], "language": "en", "sort_on": "title"}, [HERITAGE, STARS, SEA]),
]


def test_each_filter(population, find):
    wrong = [
        (params, found, expected)
        for params, expected in FILTERS
        if (found := find(PROJECTS, params, None)) != expected
    ]
    assert wrong == []


def test_projects_out_of_the_public_states_are_never_found(population, find):
    """Not by their founders, their validator or an administrator, who all see them in the catalog."""
    catalog = api.portal.get_tool("portal_catalog")
    for userid in ("teacher-ana-es", "teacher-luca-it", ACTORS["national_validator"], ACTORS["manager"]):
        with acting_as(userid):
            seen = {b.getId for b in catalog(portal_type="TwinSpace")}
        assert "music-without-borders" in seen or userid == ACTORS["national_validator"]
        found = set(find(PROJECTS, {}, userid))
        found |= set(find(PROJECTS, {"q": "music"}, userid))
        found |= set(find(PROJECTS, {"subject": ["music", "language_literature", "biology"]}, userid))
        assert found & set(NEVER) == set()


def test_items_are_what_the_catalog_shows_each_user(population, find):
    catalog = api.portal.get_tool("portal_catalog")
    states = ["validated", "running", "concluded", "labelled"]
    wrong = []
    for actor, userid in ACTORS.items():
        found = find(PROJECTS, {}, userid)
        with acting_as(userid):
            shown = [
                b.getId
                for b in catalog(
                    portal_type="TwinSpace",
                    review_state=states,
                    sort_on="created",
                    sort_order="descending",
                )
            ]
        if found != shown or found != FOUND_PROJECTS:
            wrong.append((actor, found, shown))
    assert wrong == []


def test_batches_walk_through_every_item_in_order(population):
    """b_start/b_size: consecutive batches are the consecutive slices of the whole list."""
    wrong = []
    for size in (1, 2, 3, 4):
        pages = []
        for start in range(0, 4, size):
            result = search(PROJECTS, {"b_start": str(start), "b_size": str(size)}, None)
            assert result["items_total"] == 4
            pages.extend(ids(result))
        if pages != FOUND_PROJECTS:
            wrong.append((size, pages))
    assert wrong == []
    beyond = search(PROJECTS, {"b_start": "10"}, None)
    assert (beyond["items"], beyond["items_total"]) == ([], 4)


def test_batching_links(population):
    first = search(PROJECTS, {"b_size": "2"}, None)
    assert set(first["batching"]) == {"@id", "first", "last", "next"}
    assert "b_start=2" in first["batching"]["next"]
    last = search(PROJECTS, {"b_size": "2", "b_start": "2"}, None)
    assert set(last["batching"]) == {"@id", "first", "last", "prev"}
    assert search(PROJECTS, {"b_size": "4"}, None)["batching"] == {}


SUMMARY_KEYS = {
    "@id",
    "@type",
    "UID",
    "title",
    "description",
    "review_state",
    "countries",
    "kind",
    "languages",
    "subjects",
    "age_from",
    "age_to",
    "erasmus",
    "labels",
    "prizes",
    "created",
}


def test_summaries_show_the_public_fields_only(population):
    result = search(PROJECTS, {}, ACTORS["manager"])
    text = json.dumps(result)
    assert "@example.org" not in text
    assert "teacher-" not in text  # no founder, no partner founder
    assert "KA122" not in text  # Erasmus+ details are for the members
    items = {item["@id"].rsplit("/", 1)[-1]: item for item in result["items"]}
    assert all(set(item) == SUMMARY_KEYS for item in items.values())
    heritage = items[HERITAGE]
    assert heritage["countries"] == ["ES", "IT"]
    assert (heritage["kind"], heritage["erasmus"], heritage["review_state"]) == ("european", True, "running")
    assert (heritage["age_from"], heritage["age_to"]) == (12, 15)
    assert heritage["languages"] == ["en", "es", "it"]
    assert items[MATHS]["countries"] == ["ES"]
    assert (items[MATHS]["kind"], items[MATHS]["erasmus"]) == ("national", False)
    assert (items[STARS]["erasmus"], items[STARS]["review_state"]) == (True, "labelled")
