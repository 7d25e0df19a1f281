"""Random filter combinations for each search, and the same filters for stock ``@search``.

A query starts from one random item of the population (so values are drawn
with the population's own weights and most queries find something), then
takes 1 to 3 of the search's filters from it. Each query is given three ways:

- ``ours``: the request parameters of the add-on's endpoint (a batch of 25);
- ``stock``: the plone.restapi ``@search`` query with the same filters, the
  same fixed clauses (type, states), the same sort and the batch a user's
  ``@search`` asks for (``b_size=25``, ``sort_limit=25``), as a Python dict;
- ``stock_http``: that query as URL parameters (dotted records and ZPublisher
  converters, which ``@search`` turns back into the same dict).
"""

from collective.twinning.search.filters import text_query
from collective.twinning.search.specs import PROJECT_STATES
from dataclasses import dataclass
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from population import ascii_slug

import random


@dataclass
class Query:
    ours: dict
    stock: dict
    stock_http: list  # (name, value) pairs


class Clause:
    """One filter: our parameter, the index behind it, how to write it for @search."""

    def __init__(self, param, index, kind="plain"):
        self.param, self.index, self.kind = param, index, kind

    def add(self, query: Query, value) -> None:
        match self.kind:
            case "plain":
                query.ours[self.param] = value
                query.stock[self.index] = value
                query.stock_http.append((self.index, value))
            case "flag":
                query.ours[self.param] = "true" if value else "false"
                query.stock[self.index] = bool(value)
                query.stock_http.append((f"{self.index}:boolean", "true" if value else ""))
            case "text":
                query.ours[self.param] = value
                searchable = text_query(self.param, value)
                query.stock[self.index] = searchable
                query.stock_http.append((self.index, searchable))
            case "since":  # value: a date
                query.ours[self.param] = value.isoformat()
                query.stock[self.index] = {"query": DateTime(value.isoformat()), "range": "min"}
                query.stock_http += [
                    (f"{self.index}.query", value.isoformat()),
                    (f"{self.index}.range", "min"),
                ]


def ages(query: Query, age_from: int | None, age_to: int | None) -> None:
    """Our age_from/age_to overlap, and the two range clauses it stands for."""
    if age_to is not None:
        query.ours["age_to"] = str(age_to)
        query.stock["age_from"] = {"query": age_to, "range": "max"}
        query.stock_http += [("age_from.query:int", str(age_to)), ("age_from.range", "max")]
    if age_from is not None:
        query.ours["age_from"] = str(age_from)
        query.stock["age_to"] = {"query": age_from, "range": "min"}
        query.stock_http += [("age_to.query:int", str(age_from)), ("age_to.range", "min")]


# What a user's @search sends, and our endpoints' default batch.
BATCH = 25
BATCHING = {"b_start": 0, "b_size": BATCH, "sort_limit": BATCH}


def _base(portal_type: str, sort_on: str, sort_order: str, fixed: dict) -> Query:
    stock = {"portal_type": portal_type, "sort_on": sort_on, "sort_order": sort_order, **fixed, **BATCHING}
    http = [("portal_type", portal_type), ("sort_on", sort_on), ("sort_order", sort_order)]
    for index, value in fixed.items():
        for item in value if isinstance(value, list) else [value]:
            http.append((index, item))
    http += [(name, str(value)) for name, value in BATCHING.items()]
    return Query({"b_size": str(BATCH)}, stock, http)


def _pick(rng: random.Random, candidates: dict, query: Query) -> None:
    """1-3 of the candidate filters that have a value for this item."""
    usable = [(clause, value) for clause, value in candidates.items() if value is not None]
    how_many = min(len(usable), rng.choice([1, 1, 2, 2, 2, 3]))
    for clause, value in rng.sample(usable, how_many):
        if callable(value):
            value(query)
        else:
            clause.add(query, value)


def _one(rng, values):
    return rng.choice(values) if values else None


PEOPLE = {
    name: Clause(name, index, kind)
    for name, index, kind in (
        ("q", "SearchableText", "text"),
        ("country", "country", "plain"),
        ("language", "languages", "plain"),
        ("subject", "subjects", "plain"),
        ("vocational_subject", "vocational_subjects", "plain"),
        ("member_type", "member_type", "plain"),
        ("available", "available_for_projects", "flag"),
        ("ambassador", "ambassador", "flag"),
    )
}


def people(rng, teachers) -> Query:
    t = rng.choice(teachers)
    query = _base("TeacherProfile", "sortable_title", "ascending", {"review_state": "visible"})
    _pick(
        rng,
        {
            PEOPLE["q"]: rng.choice([t.last, t.first, t.last[:4]]),
            PEOPLE["country"]: t.country,
            PEOPLE["language"]: _one(rng, t.languages),
            PEOPLE["subject"]: _one(rng, t.subjects),
            PEOPLE["vocational_subject"]: _one(rng, t.vocational_subjects),
            PEOPLE["member_type"]: t.member_type,
            PEOPLE["available"]: True if t.available else None,
            PEOPLE["ambassador"]: True if t.ambassador else None,
        },
        query,
    )
    return query


ORGS = {
    name: Clause(name, index, kind)
    for name, index, kind in (
        ("q", "SearchableText", "text"),
        ("country", "country", "plain"),
        ("region", "region", "plain"),
        ("organisation_type", "organisation_type", "plain"),
    )
}


def organisations(rng, records) -> Query:
    o = rng.choice(records)
    query = _base("Organisation", "sortable_title", "ascending", {})
    _pick(
        rng,
        {
            ORGS["q"]: rng.choice([o.city, o.name.split()[0]]),
            ORGS["country"]: o.country,
            ORGS["region"]: o.region,
            ORGS["organisation_type"]: o.organisation_type,
        },
        query,
    )
    return query


POSTS = {
    name: Clause(name, index, kind)
    for name, index, kind in (
        ("q", "SearchableText", "text"),
        ("partnership_type", "partnership_type", "plain"),
        ("looking_for", "looking_for", "plain"),
        ("country", "country", "plain"),
        ("organisation", "organisation_uid", "plain"),
        ("language", "languages", "plain"),
        ("subject", "subjects", "plain"),
        ("vocational_subject", "vocational_subjects", "plain"),
        ("topic", "topics", "plain"),
    )
}


def postings(rng, records) -> Query:
    visible = [p for p in records if p["state"] == "published" and not p["expired"]]
    p = rng.choice(visible or records)
    f = p["fields"]
    query = _base("PartnerPosting", "created", "descending", {"review_state": "published"})
    _pick(
        rng,
        {
            POSTS["q"]: rng.choice(f["title"].split()[3:4] + f["description"].split()[1:2]),
            POSTS["partnership_type"]: f["partnership_type"],
            POSTS["looking_for"]: f["looking_for"],
            POSTS["country"]: f["country"],
            POSTS["organisation"]: p.get("organisation_uid"),
            POSTS["language"]: _one(rng, f["languages"]),
            POSTS["subject"]: _one(rng, f["subjects"]),
            POSTS["vocational_subject"]: _one(rng, f["vocational_subjects"]),
            POSTS["topic"]: _one(rng, f["topics"]),
            "ages": lambda q: (
                ages(q, f["age_from"], None) if rng.random() < 0.5 else ages(q, f["age_from"], f["age_to"])
            ),
        },
        query,
    )
    return query


PROJ = {
    name: Clause(name, index, kind)
    for name, index, kind in (
        ("q", "SearchableText", "text"),
        ("subject", "subjects", "plain"),
        ("language", "languages", "plain"),
        ("country", "country", "plain"),
        ("kind", "project_kind", "plain"),
        ("registered_since", "created", "since"),
        ("erasmus", "erasmus", "flag"),
    )
}


def projects(rng, records) -> Query:
    public = [p for p in records if p["state"] in PROJECT_STATES]
    p = rng.choice(public or records)
    f = p["fields"]
    query = _base("TwinSpace", "created", "descending", {"review_state": list(PROJECT_STATES)})

    def state(q: Query) -> None:  # replaces the fixed clause on review_state
        q.ours["state"] = p["state"]
        q.stock["review_state"] = p["state"]
        q.stock_http[:] = [pair for pair in q.stock_http if pair[0] != "review_state"]
        q.stock_http.append(("review_state", p["state"]))

    since = date.today() - timedelta(days=rng.randint(30, 8 * 365))
    _pick(
        rng,
        {
            PROJ["q"]: rng.choice(f["title"].split()[:-1]),
            PROJ["subject"]: _one(rng, f["subjects"]),
            PROJ["language"]: _one(rng, f["languages"]),
            PROJ["country"]: _one(rng, p["countries"]),
            "state": state,
            PROJ["kind"]: "european" if len(p["countries"]) > 1 else "national",
            PROJ["registered_since"]: since,
            PROJ["erasmus"]: True if f.get("erasmus_key_action") else None,
            "ages": lambda q: ages(q, f["age_from"], f["age_to"]),
        },
        query,
    )
    return query


# How broad what a person types in people search is, and the @users ways it is timed
# against: a surname, its first three letters, nothing (every user: @users lists them all).
USER_TERM_KINDS = ("surname", "prefix", "everyone")
PREFIX = 3


def user_terms(rng, teachers, count: int, everyone: int) -> dict[str, list[tuple[str, str]]]:
    """Per kind, (what a person types in people search, the same as an @users ``query``).

    ``@users?query=`` matches user ids, which are made of the ascii names."""
    surnames = [rng.choice(teachers).last for _ in range(count)]
    return {
        "surname": [(last, ascii_slug(last)) for last in surnames],
        "prefix": [(last[:PREFIX], ascii_slug(last)[:PREFIX]) for last in surnames],
        "everyone": [("", "")] * everyone,
    }


def make(seed: int, count: int, builder) -> dict:
    rng = random.Random(seed)
    return {
        "people": [people(rng, builder.teachers) for _ in range(count)],
        "organisations": [organisations(rng, builder.organisations) for _ in range(count)],
        "postings": [postings(rng, builder.postings) for _ in range(count)],
        "projects": [projects(rng, builder.projects) for _ in range(count)],
    }
