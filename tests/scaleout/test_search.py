"""A search on instance A right after a write on instance B sees it, facets included: A's
facet bitmaps belong to the catalog state it had read, and B's commit is a new one."""

from tests.scaleout.test_instances import CLUSTERS
from tests.scaleout.test_instances import eventually

import pytest


pytestmark = pytest.mark.scaleout


@pytest.fixture(params=CLUSTERS, ids=["relstorage", "zeo"])
def cluster(request):
    return request.getfixturevalue(request.param)


def answer(client, params: dict) -> dict:
    response = client.get("/@partner-search", params=params)
    assert response.status_code == 200, response.text
    found = response.json()
    return {
        "total": found["items_total"],
        "titles": [i["title"] for i in found["items"]],
        "facets": found["facets"],
    }


def seen_by_a(cluster, client, params: dict, expected: dict) -> dict:
    """A's answer; on ZEO invalidations reach A asynchronously (RelStorage polls at each
    transaction, so A must see B's commit at its first search)."""
    if cluster.storage == "zeo":
        return eventually(lambda: answer(client, params), expected)
    return answer(client, params)


def test_a_search_on_a_sees_a_posting_published_and_changed_on_b(cluster, payloads):
    a = cluster.client("A", "luca")
    word = f"Scaleout{cluster.storage}"
    text = {"q": word}
    spanish = {"country": "ES", "language": "en"}
    before, before_text = answer(a, spanish), answer(a, text)  # A keeps the state it read
    assert before_text["total"] == 0

    b_ana = cluster.client("B", "ana")
    title = f"{word} partner wanted"
    created = b_ana.post("/partner-finding", json={**payloads["PartnerPosting"], "title": title})
    assert created.status_code == 201, created.text
    posting = created.json()["@id"][len(cluster.b) :]
    published = b_ana.post(f"{posting}/@workflow/publish")
    assert published.status_code == 200, published.text

    expected_text = {
        "total": 1,
        "titles": [title],
        "facets": {
            "partnership_type": {"etwinning_project": 1},
            "looking_for": {"partner_school": 1},
            "country": {"ES": 1},
            "language": {"en": 1},
            "subject": {},
            "vocational_subject": {},
            "topic": {"stem": 1},
        },
    }
    assert seen_by_a(cluster, a, text, expected_text) == expected_text
    after = answer(a, spanish)
    assert after["total"] == before["total"] + 1
    topics = before["facets"]["topic"]
    assert after["facets"]["topic"] == {**topics, "stem": topics.get("stem", 0) + 1}

    # Only a facet changes: the same items, the counts move from one topic to another.
    patched = b_ana.http.patch(b_ana.url(posting), json={"topics": ["cultural_heritage"]}, timeout=60)
    assert patched.status_code == 204, patched.text
    moved = {**expected_text, "facets": {**expected_text["facets"], "topic": {"cultural_heritage": 1}}}
    assert seen_by_a(cluster, a, text, moved) == moved
