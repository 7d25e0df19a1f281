"""Organisation search (search.specs.ORGANISATIONS) on the hand-built directory of conftest.py."""

from collective.twinning.search.specs import ORGANISATIONS
from plone import api
from tests.search.conftest import acting_as
from tests.search.conftest import ACTORS
from tests.search.conftest import search

import json


ALL = ["colegio-sol", "ecole-lumiere", "escola-porto", "ies-cervantes", "liceo-galilei"]  # by name

# params -> the organisations found, by name (as anonymous: the directory of schools is public)
FILTERS = [
    ({}, ALL),
    ({"q": "Madrid"}, ["ies-cervantes"]),  # city and region
    ({"q": "Liguria"}, ["liceo-galilei"]),  # region
    ({"q": "Sevilla"}, ["colegio-sol"]),  # city
    ({"q": "lumiere"}, ["ecole-lumiere"]),  # accents are ignored
    ({"q": "Lumière"}, ["ecole-lumiere"]),
    ({"q": "escola prof"}, ["escola-porto"]),  # the last word is a prefix
    ({"q": "Porto"}, ["escola-porto"]),
    ({"q": "university"}, []),
    ({"country": "ES"}, ["colegio-sol", "ies-cervantes"]),
    ({"country": ["IT", "PT"]}, ["escola-porto", "liceo-galilei"]),
    ({"country": "DE"}, []),
    ({"region": "Andalucía"}, ["colegio-sol"]),
    ({"region": ["Liguria", "Norte"]}, ["escola-porto", "liceo-galilei"]),
    ({"region": "Madrid"}, []),  # the region is matched whole
    ({"organisation_type": "primary"}, ["colegio-sol", "ecole-lumiere"]),
    ({"organisation_type": ["vocational", "secondary"]}, ["escola-porto", "ies-cervantes", "liceo-galilei"]),
    ({"organisation_type": "teacher_training"}, []),
    ({"country": "ES", "organisation_type": "secondary"}, ["ies-cervantes"]),
    ({"country": "FR", "organisation_type": "secondary"}, []),
    ({"country": ["ES", "FR"], "organisation_type": "primary", "q": "col"}, ["colegio-sol"]),
]


def test_each_filter(population, find):
    wrong = [
        (params, found, expected)
        for params, expected in FILTERS
        if (found := find(ORGANISATIONS, params, None)) != expected
    ]
    assert wrong == []


def test_everyone_finds_every_school_like_the_catalog_shows_them(population, find):
    catalog = api.portal.get_tool("portal_catalog")
    wrong = []
    for actor, userid in ACTORS.items():
        found = find(ORGANISATIONS, {}, userid)
        with acting_as(userid):
            shown = sorted(b.getId for b in catalog(portal_type="Organisation"))
        if found != ALL or sorted(found) != shown:
            wrong.append((actor, found, shown))
    assert wrong == []


def test_summaries(population):
    result = search(ORGANISATIONS, {"country": "ES"}, None)
    assert "@example.org" not in json.dumps(result)
    [sol, cervantes] = result["items"]
    assert cervantes == {
        "@id": population["ies-cervantes"].absolute_url(),
        "@type": "Organisation",
        "UID": population["ies-cervantes"].UID(),
        "title": "IES Miguel de Cervantes",
        "country": "ES",
        "region": "Comunidad de Madrid",
        "city": "Madrid",
        "organisation_type": "secondary",
        "website": "https://ies-cervantes.example.org",
        "school_label": [],
        "school_label_until": None,
    }
    assert sol["title"] == "Colegio Sol"
