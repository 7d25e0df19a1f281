"""Facet counts against the hand-built directory of conftest.py (every count worked out by hand).

A facet counts, per value, the items matching every current filter except its own; zero counts
are left out; several values of one parameter are OR-ed, different parameters AND-ed; the counts
see only what the user may see, like the items.
"""

from collective.twinning.search.specs import ORGANISATIONS
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from plone import api
from tests.search.conftest import MANAGER
from tests.search.conftest import MEMBER
from tests.search.conftest import PUPIL
from tests.search.conftest import search
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent


PEOPLE_FACETS = {
    "country": {"ES": 2, "IT": 1, "FR": 1},
    "language": {"es": 2, "en": 3, "it": 1, "fr": 1},
    "subject": {"history": 2, "art": 1, "physics": 1, "biology": 1, "mathematics": 1},
    "vocational_subject": {"tourism": 1},
    "member_type": {"teacher": 2, "head_teacher": 1, "librarian": 1},
    "available": {"true": 3, "false": 1},
    "ambassador": {"true": 2, "false": 2},
}
ORGANISATION_FACETS = {
    "country": {"ES": 2, "IT": 1, "FR": 1, "PT": 1},
    "organisation_type": {"secondary": 2, "primary": 2, "vocational": 1},
    "school_label": {},  # no school holds the eTwinning School label (tests/recognition award one)
}
POSTING_FACETS = {
    "partnership_type": {"etwinning_project": 2, "ka1_job_shadowing": 1},
    "looking_for": {"partner_school": 2, "participants": 1},
    "country": {"ES": 2, "IT": 1},
    "language": {"en": 2, "es": 2, "it": 1},
    "subject": {"history": 1, "physics": 1, "biology": 1, "mathematics": 1},
    "vocational_subject": {},
    "topic": {"cultural_heritage": 1, "stem": 2},
}
PROJECT_FACETS = {
    "subject": {"history": 1, "art": 1, "biology": 1, "mathematics": 1, "physics": 1},
    "language": {"en": 3, "es": 3, "it": 2, "fr": 1},
    "country": {"ES": 3, "IT": 2, "FR": 1},
    "state": {"running": 1, "validated": 1, "concluded": 1, "labelled": 1},
    "kind": {"european": 2, "national": 2},
    "erasmus": {"true": 2, "false": 2},
    "label": {},  # the labelled project's label came by the old manual transition, none awarded
    "prize": {},
}

# A facet whose values are one per item: with no filter on it, its counts add up to the total.
SINGLE_VALUED = {
    "TeacherProfile": "member_type",
    "Organisation": "organisation_type",
    "PartnerPosting": "partnership_type",
    "TwinSpace": "kind",
}

# (name, spec, params, who, items_total, facets)
CASES = [
    ("people, no filter", PEOPLE, {}, MEMBER, 4, PEOPLE_FACETS),
    # The manager sees the hidden profile in the catalog, yet the directory leaves it out.
    ("people, as manager", PEOPLE, {}, MANAGER, 4, PEOPLE_FACETS),
    (
        "people, one filter: its own facet keeps every country",
        PEOPLE,
        {"country": "ES"},
        MEMBER,
        2,
        {
            "country": {"ES": 2, "IT": 1, "FR": 1},
            "language": {"es": 2, "en": 1},
            "subject": {"history": 1, "art": 1, "mathematics": 1},
            "vocational_subject": {},
            "member_type": {"teacher": 1, "head_teacher": 1},
            "available": {"true": 1, "false": 1},
            "ambassador": {"true": 1, "false": 1},
        },
    ),
    (
        "people, two countries OR-ed, AND a language",
        PEOPLE,
        {"country": ["ES", "FR"], "language": "en"},
        MEMBER,
        2,
        {
            "country": {"ES": 1, "IT": 1, "FR": 1},  # the English speakers
            "language": {"es": 2, "en": 2, "fr": 1},  # the Spanish and French teachers
            "subject": {"history": 2, "art": 1},
            "vocational_subject": {"tourism": 1},
            "member_type": {"teacher": 1, "librarian": 1},
            "available": {"true": 2},
            "ambassador": {"true": 2},
        },
    ),
    (
        "people, a text search narrows every facet",
        PEOPLE,
        {"q": "Cervantes"},
        MEMBER,
        1,
        {
            "country": {"ES": 1},
            "language": {"es": 1, "en": 1},
            "subject": {"history": 1, "art": 1},
            "vocational_subject": {},
            "member_type": {"teacher": 1},
            "available": {"true": 1},
            "ambassador": {"true": 1},
        },
    ),
    ("organisations, no filter", ORGANISATIONS, {}, None, 5, ORGANISATION_FACETS),
    (
        "organisations, by type",
        ORGANISATIONS,
        {"organisation_type": "primary"},
        None,
        2,
        {
            "country": {"ES": 1, "FR": 1},
            "organisation_type": {"secondary": 2, "primary": 2, "vocational": 1},
            "school_label": {},
        },
    ),
    (
        "organisations, by region (no facet of its own)",
        ORGANISATIONS,
        {"region": "Liguria"},
        None,
        1,
        {"country": {"IT": 1}, "organisation_type": {"secondary": 1}, "school_label": {}},
    ),
    (
        "organisations, two filters",
        ORGANISATIONS,
        {"country": "ES", "organisation_type": ["secondary", "vocational"]},
        None,
        1,
        {
            "country": {"ES": 1, "IT": 1, "PT": 1},
            "organisation_type": {"secondary": 1, "primary": 1},
            "school_label": {},
        },
    ),
    ("postings, no filter", POSTINGS, {}, None, 3, POSTING_FACETS),
    ("postings, as manager: the expired one still left out", POSTINGS, {}, MANAGER, 3, POSTING_FACETS),
    (
        "postings, including the expired one",
        POSTINGS,
        {"include_expired": "true"},
        None,
        4,
        {
            "partnership_type": {"etwinning_project": 2, "ka1_job_shadowing": 1, "ka1_hosting_pupils": 1},
            "looking_for": {"partner_school": 2, "participants": 1, "host_school": 1},
            "country": {"ES": 2, "IT": 1, "FR": 1},
            "language": {"en": 3, "es": 2, "it": 1, "fr": 1},
            "subject": {"history": 1, "physics": 1, "biology": 1, "mathematics": 1},
            "vocational_subject": {"tourism": 1},
            "topic": {"cultural_heritage": 1, "stem": 2, "language_learning": 1},
        },
    ),
    (
        "postings, topic AND country",
        POSTINGS,
        {"topic": "stem", "country": "ES"},
        None,
        1,
        {
            "partnership_type": {"etwinning_project": 1},
            "looking_for": {"partner_school": 1},
            "country": {"ES": 1, "IT": 1},  # the stem postings
            "language": {"es": 1},
            "subject": {"mathematics": 1},
            "vocational_subject": {},
            "topic": {"cultural_heritage": 1, "stem": 1},  # the Spanish postings
        },
    ),
    (
        "postings, ages (no facet) with the expired one",
        POSTINGS,
        {"age_from": "12", "include_expired": "true"},
        None,
        2,
        {
            "partnership_type": {"etwinning_project": 1, "ka1_hosting_pupils": 1},
            "looking_for": {"partner_school": 1, "host_school": 1},
            "country": {"ES": 1, "FR": 1},
            "language": {"en": 2, "es": 1, "fr": 1},
            "subject": {"history": 1},
            "vocational_subject": {"tourism": 1},
            "topic": {"cultural_heritage": 1, "language_learning": 1},
        },
    ),
    ("projects, no filter", PROJECTS, {}, None, 4, PROJECT_FACETS),
    # The manager sees draft, pending and archived projects in the catalog: never counted.
    ("projects, as manager", PROJECTS, {}, MANAGER, 4, PROJECT_FACETS),
    ("projects, as a pupil", PROJECTS, {}, PUPIL, 4, PROJECT_FACETS),
    (
        "projects, one country",
        PROJECTS,
        {"country": "ES"},
        None,
        3,
        {
            "subject": {"history": 1, "art": 1, "mathematics": 1, "physics": 1},
            "language": {"en": 2, "es": 3, "it": 1},
            "country": {"ES": 3, "IT": 2, "FR": 1},
            "state": {"running": 1, "concluded": 1, "labelled": 1},
            "kind": {"european": 1, "national": 2},
            "erasmus": {"true": 2, "false": 1},
            "label": {},
            "prize": {},
        },
    ),
    (
        "projects, two states OR-ed, AND a language",
        PROJECTS,
        {"state": ["running", "validated"], "language": "en"},
        None,
        2,
        {
            "subject": {"history": 1, "art": 1, "biology": 1},
            "language": {"en": 2, "es": 1, "it": 2, "fr": 1},
            "country": {"ES": 1, "IT": 2, "FR": 1},
            "state": {"running": 1, "validated": 1, "labelled": 1},  # the English projects
            "kind": {"european": 2},
            "erasmus": {"true": 1, "false": 1},
            "label": {},
            "prize": {},
        },
    ),
    (
        "projects, nothing found: every facet still answers for its own values",
        PROJECTS,
        {"country": "FR", "kind": "national"},
        None,
        0,
        {
            "subject": {},
            "language": {},
            "country": {"ES": 2},  # national projects are Spanish
            "state": {},
            "kind": {"european": 1},
            "erasmus": {},
            "label": {},
            "prize": {},
        },
    ),
]


def test_facet_counts(population):
    wrong = []
    for name, spec, params, who, total, facets in CASES:
        result = search(spec, params, who)
        if result["items_total"] != total or result["facets"] != facets:
            wrong.append((name, result["items_total"], result["facets"]))
        single = SINGLE_VALUED[spec.portal_type]
        own_param = single in params
        if not own_param and sum(result["facets"][single].values()) != result["items_total"]:
            wrong.append((name, "facet total", single, result["facets"][single]))
    assert wrong == []


def test_facets_are_keyed_by_the_request_parameters(population):
    for spec in (PEOPLE, ORGANISATIONS, POSTINGS, PROJECTS):
        facet_params = {f.param for f in spec.filters if f.facet}
        assert set(search(spec, {}, MANAGER)["facets"]) == facet_params
        assert facet_params <= spec.params()


def test_what_a_user_may_not_see_is_not_counted(population):
    """Called without the endpoint's permission check, a pupil still finds and counts no profile."""
    result = search(PEOPLE, {}, PUPIL)
    assert result["items_total"] == 0
    assert result["facets"] == {name: {} for name in PEOPLE_FACETS}
    anonymous = search(PEOPLE, {"country": "ES"}, None)
    assert anonymous["items_total"] == 0
    assert anonymous["facets"] == {name: {} for name in PEOPLE_FACETS}


def test_organisation_rename_refreshes_the_summaries(population, portal):
    pointing = api.content.find(
        portal_type="TeacherProfile",
        organisation_uid=[b.UID for b in api.content.find(portal_type="Organisation")],
    )
    brain = pointing[0]
    organisation = api.content.get(UID=brain.twinning_summary["organisation"]["UID"])
    organisation.name = "Renamed School"
    notify(ObjectModifiedEvent(organisation))
    refreshed = api.content.find(UID=brain.UID)[0]
    assert refreshed.twinning_summary["organisation"]["title"] == "Renamed School"
