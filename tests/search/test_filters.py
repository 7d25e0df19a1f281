"""Every request parameter is checked before anything is searched: the 400 table, the
accepted values, and the catalog query each filter becomes (search.filters, engine.parse)."""

from collective.twinning.search.engine import parse
from collective.twinning.search.filters import age_overlap
from collective.twinning.search.filters import Filter
from collective.twinning.search.filters import parse_date
from collective.twinning.search.filters import parse_flag
from collective.twinning.search.filters import parse_int
from collective.twinning.search.filters import text_query
from collective.twinning.search.specs import ORGANISATIONS
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from DateTime import DateTime
from plone import api
from zExceptions import BadRequest

import pytest


SPECS = {"people": PEOPLE, "organisations": ORGANISATIONS, "postings": POSTINGS, "projects": PROJECTS}

# The parameters each search accepts (its public API).
PARAMS = {
    "people": {
        "q",
        "country",
        "language",
        "subject",
        "vocational_subject",
        "member_type",
        "available",
        "ambassador",
        "sort_on",
        "b_start",
        "b_size",
    },
    "organisations": {"q", "country", "region", "organisation_type", "school_label", "b_start", "b_size"},
    "postings": {
        "q",
        "partnership_type",
        "looking_for",
        "country",
        "organisation",
        "language",
        "subject",
        "vocational_subject",
        "topic",
        "age_from",
        "age_to",
        "include_expired",
        "b_start",
        "b_size",
    },
    "projects": {
        "q",
        "subject",
        "language",
        "country",
        "state",
        "kind",
        "registered_since",
        "erasmus",
        "label",
        "prize",
        "age_from",
        "age_to",
        "sort_on",
        "b_start",
        "b_size",
    },
}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_parameters_of_each_search(name):
    assert SPECS[name].params() == PARAMS[name]


# --- the 400 table: (search, form, the parameter the message names) ------------------

COMMON_BAD = [
    ({"colour": "blue"}, "colour"),
    ({"b_size": "0"}, "b_size"),
    ({"b_size": "101"}, "b_size"),
    ({"b_size": "ten"}, "b_size"),
    ({"b_size": ["10", "20"]}, "b_size"),
    ({"b_start": "-1"}, "b_start"),
    ({"b_start": "1.5"}, "b_start"),
    ({"q": ""}, "q"),
    ({"q": "   "}, "q"),
    ({"q": "?!*"}, "q"),
    ({"q": "x" * 201}, "q"),
    ({"q": ["history", "art"]}, "q"),
    ({"country": "XX"}, "country"),
    ({"country": "es"}, "country"),
    ({"country": ["ES", "Narnia"]}, "country"),
    ({"country": ""}, "country"),
    ({"country": ["ES", ""]}, "country"),
]
SPECIFIC_BAD = {
    "people": [
        ({"language": "klingon"}, "language"),
        ({"subject": "alchemy"}, "subject"),
        ({"vocational_subject": "piracy"}, "vocational_subject"),
        ({"member_type": "pupil"}, "member_type"),
        ({"available": "maybe"}, "available"),
        ({"available": ["true", "false"]}, "available"),
        ({"ambassador": ""}, "ambassador"),
        ({"sort_on": "age"}, "sort_on"),
        ({"sort_on": ["name", "recent"]}, "sort_on"),
        ({"age_from": "10"}, "age_from"),
        ({"include_expired": "true"}, "include_expired"),
    ],
    "organisations": [
        ({"region": "x" * 201}, "region"),
        ({"region": ""}, "region"),
        ({"organisation_type": "university"}, "organisation_type"),
        ({"sort_on": "name"}, "sort_on"),  # one order only: not a parameter
        ({"language": "en"}, "language"),
    ],
    "postings": [
        ({"partnership_type": "ka9"}, "partnership_type"),
        ({"looking_for": "a friend"}, "looking_for"),
        ({"topic": "football"}, "topic"),
        ({"language": "xx"}, "language"),
        ({"subject": "History"}, "subject"),
        ({"vocational_subject": "x"}, "vocational_subject"),
        ({"organisation": "not-a-uid"}, "organisation"),
        ({"organisation": "0123456789abcdef0123456789abcdef"}, "organisation"),
        ({"age_from": "2"}, "age_from"),
        ({"age_to": "21"}, "age_to"),
        ({"age_from": "ten"}, "age_from"),
        ({"age_to": ""}, "age_to"),
        ({"age_from": ["8", "9"]}, "age_from"),
        ({"age_from": "12", "age_to": "10"}, "age_from"),
        ({"include_expired": "perhaps"}, "include_expired"),
        ({"include_expired": ["true", "true"]}, "include_expired"),
        ({"include_expired": ""}, "include_expired"),
        ({"sort_on": "recent"}, "sort_on"),
        ({"registered_since": "2026-01-01"}, "registered_since"),
        ({"state": "published"}, "state"),
    ],
    "projects": [
        ({"state": "draft"}, "state"),
        ({"state": "pending"}, "state"),
        ({"state": "archived"}, "state"),
        ({"state": ["running", "rejected"]}, "state"),
        ({"kind": "global"}, "kind"),
        ({"registered_since": "2026-13-01"}, "registered_since"),
        ({"registered_since": "yesterday"}, "registered_since"),
        ({"registered_since": "01/02/2026"}, "registered_since"),
        ({"registered_since": ""}, "registered_since"),
        ({"registered_since": ["2026-01-01", "2026-02-01"]}, "registered_since"),
        ({"erasmus": "ja"}, "erasmus"),
        ({"sort_on": "name"}, "sort_on"),
        ({"age_to": "2"}, "age_to"),
        ({"age_from": "15", "age_to": "14"}, "age_from"),
        ({"include_expired": "true"}, "include_expired"),
        ({"member_type": "teacher"}, "member_type"),
    ],
}
BAD = [(name, form, param) for name in sorted(SPECS) for form, param in COMMON_BAD + SPECIFIC_BAD[name]]


@pytest.mark.parametrize(
    "name,form,param", BAD, ids=[f"{n}-{'&'.join(sorted(f))}-{i}" for i, (n, f, _) in enumerate(BAD)]
)
def test_bad_parameter_is_400_naming_it(portal, name, form, param):
    with pytest.raises(BadRequest) as error:
        parse(SPECS[name], form)
    assert str(error.value).startswith(f"{param}:"), str(error.value)


def test_a_folder_uid_is_no_organisation(portal):
    with pytest.raises(BadRequest, match=r"^organisation:"):
        parse(POSTINGS, {"organisation": portal["people"].UID()})


# --- what is accepted, and the query it becomes -------------------------------------

GOOD = [
    ("people", {"available": "TRUE", "ambassador": "no"}),
    ("people", {"available": "1", "ambassador": "0"}),
    ("people", {"available": "yes", "sort_on": "recent"}),
    ("people", {"country": ["ES", "IT"], "language": "en", "b_size": "100", "b_start": "0"}),
    ("people", {"q": "x" * 200}),
    ("organisations", {"region": "Comunidad de Madrid", "organisation_type": ["primary", "other"]}),
    ("postings", {"age_from": "3", "age_to": "20", "include_expired": "false"}),
    ("postings", {"age_from": "10", "age_to": "10", "topic": ["stem", "inclusion"]}),
    ("projects", {"state": ["validated", "running", "concluded", "labelled"], "kind": "european"}),
    ("projects", {"registered_since": "2026-02-28", "erasmus": "false", "sort_on": "title"}),
]


@pytest.mark.parametrize("name,form", GOOD)
def test_good_parameters_are_accepted(portal, name, form):
    parsed = parse(SPECS[name], form)
    assert parsed.core["portal_type"] == SPECS[name].portal_type


def test_choices_become_an_or_query_on_their_index(portal):
    parsed = parse(PEOPLE, {"country": ["ES", "IT"], "language": "en", "q": "ana"})
    assert parsed.chosen == {"country": ["ES", "IT"], "languages": ["en"]}
    assert parsed.core == {
        "portal_type": "TeacherProfile",
        "review_state": "visible",
        "SearchableText": "ana*",
    }
    assert parsed.query() == {
        **parsed.core,
        "country": {"query": ["ES", "IT"]},
        "languages": {"query": ["en"]},
    }


def test_flags_become_booleans(portal):
    parsed = parse(PEOPLE, {"available": "false", "ambassador": "True"})
    assert parsed.chosen == {"available_for_projects": [False], "ambassador": [True]}


def test_defaults_of_each_search(portal):
    people = parse(PEOPLE, {})
    assert (people.b_start, people.b_size) == (0, 25)
    # Hidden profiles (no longer a teacher) are out of the directory, for administrators too.
    assert people.core == {"portal_type": "TeacherProfile", "review_state": "visible"}
    assert people.sort == {"sort_on": "sortable_title", "sort_order": "ascending"}
    postings = parse(POSTINGS, {})
    # Expired postings hidden, for admins too.
    assert postings.core == {
        "portal_type": "PartnerPosting",
        "review_state": "published",
        "show_inactive": False,
    }
    assert postings.sort == {"sort_on": "created", "sort_order": "descending"}
    projects = parse(PROJECTS, {})
    assert projects.chosen == {"review_state": ["validated", "running", "concluded", "labelled"]}
    assert projects.sort == {"sort_on": "created", "sort_order": "descending"}
    assert parse(PROJECTS, {"sort_on": "title"}).sort == {
        "sort_on": "sortable_title",
        "sort_order": "ascending",
    }


def test_include_expired_shows_inactive_content(portal):
    assert parse(POSTINGS, {"include_expired": "true"}).core["show_inactive"] is True
    assert parse(POSTINGS, {"include_expired": "false"}).core["show_inactive"] is False


def test_a_chosen_state_replaces_the_public_states(portal):
    parsed = parse(PROJECTS, {"state": "running"})
    assert parsed.chosen == {"review_state": ["running"]}


def test_registered_since_is_a_minimum_creation_date(portal):
    parsed = parse(PROJECTS, {"registered_since": "2026-02-28"})
    assert parsed.core["created"] == {"query": DateTime("2026-02-28"), "range": "min"}


def test_organisation_uid_is_checked_against_the_catalog(portal):
    with api.env.adopt_roles(["Manager"]):
        school = api.content.create(
            container=portal["organisations"],
            type="Organisation",
            title="Colegio Sol",
            country="ES",
            organisation_type="primary",
        )
    parsed = parse(POSTINGS, {"organisation": school.UID()})
    assert parsed.core["organisation_uid"] == {"query": [school.UID()]}


# --- the helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,query",
    [
        ("ana", "ana*"),
        ("Ana García", "Ana García*"),
        ("a", "a"),  # one letter: no prefix search
        ("rock and roll", 'rock "and" roll*'),
        ("bread OR butter", 'bread "OR" butter*'),
        ("not", '"not"'),
        ("sea-side!", "sea side*"),
        ('"quoted" (words)*', "quoted words*"),
        ("l'école", "l école*"),
    ],
)
def test_text_query(value, query):
    assert text_query("q", value) == query


@pytest.mark.parametrize(
    "value,expected",
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("yes", True),
        ("false", False),
        ("False", False),
        ("0", False),
        ("no", False),
    ],
)
def test_parse_flag(value, expected):
    assert parse_flag("available", value) is expected


@pytest.mark.parametrize("value", ["", "on", "2", "y", "truthy"])
def test_parse_flag_refuses(value):
    with pytest.raises(BadRequest, match=r"^available:"):
        parse_flag("available", value)


def test_parse_date():
    assert parse_date("registered_since", "2026-02-28") == DateTime("2026-02-28")
    for value in ("2026-02-30", "28-02-2026", "2026/02/28", "now"):
        with pytest.raises(BadRequest, match=r"^registered_since:"):
            parse_date("registered_since", value)


@pytest.mark.parametrize(
    "value,low,high,ok",
    [
        ("0", 0, None, True),
        ("5", 1, 100, True),
        ("100", 1, 100, True),
        ("101", 1, 100, False),
        ("0", 1, 100, False),
        ("-3", 0, None, False),
        ("", 0, None, False),
        ("1e3", 0, None, False),
    ],
)
def test_parse_int(value, low, high, ok):
    if ok:
        assert parse_int("b_size", value, low, high) == int(value)
    else:
        with pytest.raises(BadRequest, match=r"^b_size:"):
            parse_int("b_size", value, low, high)


@pytest.mark.parametrize(
    "form,query",
    [
        ({}, {}),
        # items starting at or below the asked upper age...
        ({"age_to": "10"}, {"age_from": {"query": 10, "range": "max"}}),
        # ...and ending at or above the asked lower age
        ({"age_from": "12"}, {"age_to": {"query": 12, "range": "min"}}),
        (
            {"age_from": "9", "age_to": "9"},
            {"age_from": {"query": 9, "range": "max"}, "age_to": {"query": 9, "range": "min"}},
        ),
        (
            {"age_from": "3", "age_to": "20"},
            {"age_from": {"query": 20, "range": "max"}, "age_to": {"query": 3, "range": "min"}},
        ),
    ],
)
def test_age_overlap(form, query):
    assert age_overlap(form, 3, 20) == query


def test_filter_refuses_values_that_are_not_text(portal):
    country = Filter("country", "country", vocabulary="collective.twinning.vocabularies.Countries")
    for raw in ([], [1], {"a": "b"}, 7):
        with pytest.raises(BadRequest, match=r"^country:"):
            country.query(raw)
