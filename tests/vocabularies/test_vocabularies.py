"""Named vocabularies: registered, non-empty, well-formed, served by @vocabularies."""

from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest
import re


PREFIX = "collective.twinning.vocabularies."

# vocabulary name: (a token it must hold, the pattern every token matches)
VOCABULARIES = {
    "Countries": ("ES", r"^[A-Z]{2}$"),
    "Languages": ("es", r"^[a-z]{2}$"),
    "Subjects": ("history", r"^[a-z_]+$"),
    "VocationalSubjects": ("tourism", r"^[a-z_]+$"),
    "Topics": ("stem", r"^[a-z_]+$"),
    "KeyActions": ("KA122", r"^KA\d{3}$"),
    "ActivityTypes": ("job_shadowing", r"^[a-z_]+$"),
    "MobilityDirections": ("outgoing", r"^(outgoing|incoming)$"),
    "PartnershipTypes": ("ka2_partnership", r"^[a-z0-9_]+$"),
    "LookingFor": ("host_school", r"^[a-z_]+$"),
    "GroupAccess": ("etwinners", r"^(open|etwinners|invitation)$"),
    "LabelLevels": ("european", r"^(national|european)$"),
    "Licences": ("cc-by-sa-4.0", r"^[a-z0-9.-]+$"),
}

ERASMUS_PROGRAMME_COUNTRIES = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
    "IS",
    "LI",
    "NO",
    "MK",
    "RS",
    "TR",
]


def vocabulary(name, context=None):
    return getUtility(IVocabularyFactory, PREFIX + name)(context)


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_vocabulary_well_formed(portal, name):
    token, pattern = VOCABULARIES[name]
    terms = list(vocabulary(name, portal))
    assert token in [term.token for term in terms]
    assert all(re.match(pattern, term.token) for term in terms)
    assert len({term.token for term in terms}) == len(terms)
    assert all(term.title for term in terms)


def test_countries_cover_erasmus_programme(portal):
    tokens = {term.token for term in vocabulary("Countries", portal)}
    assert set(ERASMUS_PROGRAMME_COUNTRIES) <= tokens


@pytest.mark.parametrize(
    "name,expected",
    [
        ("KeyActions", {"KA120", "KA121", "KA122", "KA210", "KA220"}),
        (
            "ActivityTypes",
            {
                "job_shadowing",
                "teaching_assignment",
                "course",
                "group_pupil_mobility",
                "short_term_pupil_mobility",
                "long_term_pupil_mobility",
                "preparatory_visit",
                "invited_expert",
            },
        ),
        (
            "PartnershipTypes",
            {
                "etwinning_project",
                "ka1_job_shadowing",
                "ka1_teaching_assignment",
                "ka1_hosting_pupils",
                "ka2_partnership",
            },
        ),
        ("LookingFor", {"partner_school", "host_school", "participants", "expert"}),
        ("GroupAccess", {"open", "etwinners", "invitation"}),
    ],
)
def test_closed_vocabularies_exact(portal, name, expected):
    assert {term.token for term in vocabulary(name, portal)} == expected


def test_licences_include_creative_commons(portal):
    tokens = {term.token for term in vocabulary("Licences", portal)}
    assert {"cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-sa-4.0", "cc0-1.0"} <= tokens


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
@pytest.mark.parametrize("who", ["Manager", "Anonymous"])
def test_served_by_restapi(request_factory, name, who):
    session = request_factory(role=who)
    response = session.get(f"/@vocabularies/{PREFIX}{name}", params={"b_size": 200})
    assert response.status_code == 200
    body = response.json()
    token, _pattern = VOCABULARIES[name]
    assert body["items_total"] == len(list(vocabulary(name)))
    assert token in [item["token"] for item in body["items"]]
