"""Partner search (search.specs.POSTINGS) on the hand-built directory of conftest.py:
published postings only, expired ones hidden unless asked for, ages by overlap."""

from collective.twinning.behaviors.expiry import IExpiry
from collective.twinning.search.specs import POSTINGS
from datetime import date
from datetime import timedelta
from plone import api
from tests.search.conftest import acting_as
from tests.search.conftest import ACTORS
from tests.search.conftest import EXPIRED_POSTING
from tests.search.conftest import FOUND_POSTINGS
from tests.search.conftest import search

import json


MATHS, GENOVA, HISTORY = FOUND_POSTINGS  # most recent first
TOURISM = EXPIRED_POSTING
EXPIRED = {"include_expired": "true"}

# params -> the postings found, most recent first (as anonymous); "uid:<id>" is that organisation's UID
FILTERS = [
    ({}, [MATHS, GENOVA, HISTORY]),
    (EXPIRED, [MATHS, GENOVA, HISTORY, TOURISM]),
    ({"include_expired": "false"}, [MATHS, GENOVA, HISTORY]),
    ({"q": "Genova"}, [GENOVA]),  # title
    ({"q": "science"}, [GENOVA]),  # description
    ({"q": "Cervantes"}, [HISTORY]),  # the organisation's name
    ({"q": "partner wanted"}, [MATHS, HISTORY]),
    ({"q": "music"}, []),  # a draft
    ({"q": "art exchange"}, []),  # closed
    ({"q": "tourism"}, []),  # expired
    ({"q": "tourism", **EXPIRED}, [TOURISM]),
    ({"partnership_type": "etwinning_project"}, [MATHS, HISTORY]),
    ({"partnership_type": ["ka1_job_shadowing", "ka1_hosting_pupils"]}, [GENOVA]),
    ({"partnership_type": ["ka1_job_shadowing", "ka1_hosting_pupils"], **EXPIRED}, [GENOVA, TOURISM]),
    ({"partnership_type": "ka2_partnership"}, []),  # closed
    ({"looking_for": "participants"}, [GENOVA]),
    ({"looking_for": ["partner_school", "expert"]}, [MATHS, HISTORY]),
    ({"country": "ES"}, [MATHS, HISTORY]),
    ({"country": ["IT", "FR"]}, [GENOVA]),
    ({"organisation": "uid:ies-cervantes"}, [HISTORY]),
    ({"organisation": ["uid:colegio-sol", "uid:liceo-galilei"]}, [MATHS, GENOVA]),
    ({"organisation": "uid:escola-porto"}, []),
    ({"language": "es"}, [MATHS, HISTORY]),
    ({"language": ["it", "fr"]}, [GENOVA]),
    ({"subject": "history"}, [HISTORY]),
    ({"subject": ["mathematics", "biology"]}, [MATHS, GENOVA]),
    ({"subject": "music"}, []),  # a draft
    ({"vocational_subject": "tourism"}, []),
    ({"vocational_subject": "tourism", **EXPIRED}, [TOURISM]),
    ({"topic": "stem"}, [MATHS, GENOVA]),
    ({"topic": ["cultural_heritage", "language_learning"]}, [HISTORY]),
    ({"country": "ES", "topic": "stem"}, [MATHS]),
    ({"country": "ES", "language": "en", "subject": ["history", "mathematics"]}, [HISTORY]),
    # Ages: the posting's own range overlaps the asked one (ends included); no range, no match.
    ({"age_from": "9", "age_to": "9"}, [MATHS]),
    ({"age_from": "10", "age_to": "12"}, [MATHS, HISTORY]),
    ({"age_from": "11", "age_to": "11"}, []),
    ({"age_from": "12"}, [HISTORY]),
    ({"age_to": "8"}, [MATHS]),
    ({"age_from": "16"}, []),
    ({"age_from": "16", **EXPIRED}, [TOURISM]),
    ({"age_from": "3", "age_to": "20"}, [MATHS, HISTORY]),  # the job shadowing has no ages
    ({"age_from": "6", "age_to": "7"}, []),  # only the closed posting
]


def _params(params: dict, population) -> dict:
    def value(v):
        return population[v[4:]].UID() if v.startswith("uid:") else v

    return {k: [value(x) for x in v] if isinstance(v, list) else value(v) for k, v in params.items()}


def test_each_filter(population, find):
    wrong = [
        (params, found, expected)
        for params, expected in FILTERS
        if (found := find(POSTINGS, _params(params, population), None)) != expected
    ]
    assert wrong == []


def test_expiry(population, find):
    """Expired postings are hidden from everyone, administrators included, unless asked for."""
    wrong = []
    for actor, userid in ACTORS.items():
        if find(POSTINGS, {}, userid) != FOUND_POSTINGS:
            wrong.append((actor, "default"))
        if find(POSTINGS, EXPIRED, userid) != [*FOUND_POSTINGS, TOURISM]:
            wrong.append((actor, "include_expired"))
    assert wrong == []
    # A posting is shown on its last day, hidden the day after.
    history = population[HISTORY]
    IExpiry(history).expires = date.today()
    history.reindexObject()
    assert find(POSTINGS, {}, None) == FOUND_POSTINGS
    IExpiry(history).expires = date.today() - timedelta(days=1)
    history.reindexObject()
    assert find(POSTINGS, {}, None) == [MATHS, GENOVA]
    assert find(POSTINGS, {}, ACTORS["manager"]) == [MATHS, GENOVA]
    # Extending the expiry brings it back.
    IExpiry(history).expires = date.today() + timedelta(days=7)
    history.reindexObject()
    assert find(POSTINGS, {}, None) == FOUND_POSTINGS


# Who finds what: only published postings, whatever else the catalog shows the user.
CATALOG_SHOWS = {
    "anonymous": {MATHS, GENOVA, HISTORY},
    "pupil": {MATHS, GENOVA, HISTORY},
    "member": {MATHS, GENOVA, HISTORY},
    "teacher": {MATHS, GENOVA, HISTORY, "music-partner-draft"},  # Ana's own draft
    "former_teacher": {MATHS, GENOVA, HISTORY},
    "national_validator": {MATHS, GENOVA, HISTORY, "art-exchange-closed"},
    "european_validator": {MATHS, GENOVA, HISTORY, "art-exchange-closed"},
    "manager": {MATHS, GENOVA, HISTORY, "music-partner-draft", "art-exchange-closed"},
}


def test_items_are_what_the_catalog_shows_each_user(population, find):
    catalog = api.portal.get_tool("portal_catalog")
    wrong = []
    for actor, userid in ACTORS.items():
        found = find(POSTINGS, {}, userid)
        found_all = find(POSTINGS, EXPIRED, userid)
        with acting_as(userid):
            shown = {b.getId for b in catalog(portal_type="PartnerPosting", show_inactive=False)}
            published = {
                b.getId
                for b in catalog(portal_type="PartnerPosting", review_state="published", show_inactive=False)
            }
            every_published = {
                b.getId
                for b in catalog(portal_type="PartnerPosting", review_state="published", show_inactive=True)
            }
        if (
            shown != CATALOG_SHOWS[actor]
            or set(found) != published
            or found != FOUND_POSTINGS
            or set(found_all) != every_published
        ):
            wrong.append((actor, found, shown, published))
    assert wrong == []


SUMMARY_KEYS = {
    "@id",
    "@type",
    "UID",
    "title",
    "description",
    "review_state",
    "partnership_type",
    "looking_for",
    "country",
    "organisation",
    "languages",
    "subjects",
    "vocational_subjects",
    "topics",
    "age_from",
    "age_to",
    "expires",
    "created",
}


def test_summaries(population):
    result = search(POSTINGS, EXPIRED, ACTORS["manager"])
    assert "@example.org" not in json.dumps(result)
    assert "teacher-" not in json.dumps(result)  # no author either
    items = {item["@id"].rsplit("/", 1)[-1]: item for item in result["items"]}
    assert all(set(item) == SUMMARY_KEYS for item in items.values())
    history = items[HISTORY]
    assert history["organisation"] == {
        "@id": population["ies-cervantes"].absolute_url(),
        "UID": population["ies-cervantes"].UID(),
        "title": "IES Miguel de Cervantes",
    }
    assert history["expires"] == (date.today() + timedelta(days=30)).isoformat()
    assert (history["age_from"], history["age_to"], history["review_state"]) == (12, 15, "published")
    assert history["topics"] == ["cultural_heritage"]
    assert history["created"] == population[HISTORY].created().ISO8601()
    assert items[MATHS]["expires"] is None
    assert items[TOURISM]["expires"] == (date.today() - timedelta(days=3)).isoformat()
    assert items[TOURISM]["organisation"] is None
    assert (items[GENOVA]["age_from"], items[GENOVA]["age_to"]) == (None, None)
