"""The benchmark's searches again, several passes, on the database a run left behind.

    .venv/bin/zconsole run var/bench/instance/etc/zope.conf bench/passes.py [--passes 2]

``make bench`` times each search once, after 20 untimed queries. A Zope process that has
served for a while answers from a warmer cache. This times the same kind of queries (drawn by queries.py from records read back from the
catalog: one random item per query, as in the run) pass after pass, in-process and
over HTTP, against stock ``@search`` each time, and writes
bench/results/<date>-passes-<profiles>-<organisations>-<projects>-<postings>.json. Pass 1 is what the run measured.
"""

from pathlib import Path

import sys


HERE = Path(sys.argv[sys.argv.index("run") + 2]).resolve().parent
sys.path.insert(0, str(HERE))

from build import act_as  # noqa: E402
from build import PASSWORD  # noqa: E402
from build import SITE_ID  # noqa: E402
from collective.twinning.behaviors.expiry import IExpiry  # noqa: E402
from datetime import date  # noqa: E402
from measure import ENDPOINTS  # noqa: E402
from plone import api  # noqa: E402
from population import Organisation  # noqa: E402
from population import Teacher  # noqa: E402
from report import MISMATCHES  # noqa: E402
from zope.component.hooks import setSite  # noqa: E402

import argparse  # noqa: E402
import json  # noqa: E402
import measure  # noqa: E402
import queries as make_queries  # noqa: E402
import random  # noqa: E402
import transaction  # noqa: E402


SAMPLE = 3000  # records read back per type


def _objects(catalog, portal_type: str, rng):
    brains = catalog.unrestrictedSearchResults(portal_type=portal_type)
    picked = rng.sample(range(len(brains)), min(SAMPLE, len(brains)))
    return [brains[i]._unrestrictedGetObject() for i in picked]


def _teacher(profile) -> Teacher:
    first, _, last = profile.fullname.partition(" ")
    return Teacher(
        profile.getId(),
        profile.fullname,
        first,
        last,
        profile.country,
        None,
        profile.member_type,
        list(profile.languages or []),
        list(profile.subjects or []),
        list(profile.vocational_subjects or []),
        bool(profile.available_for_projects),
        bool(profile.ambassador),
    )


def _organisation(obj) -> Organisation:
    return Organisation(obj.getId(), obj.title, obj.country, obj.region, obj.city, obj.organisation_type)


def _project(space) -> dict:
    fields = {
        name: getattr(space, name, None)
        for name in ("title", "subjects", "languages", "age_from", "age_to", "erasmus_key_action")
    }
    return {"state": api.content.get_state(obj=space), "fields": fields, "countries": list(space.countries)}


def _posting(posting) -> dict:
    fields = {
        name: getattr(posting, name, None)
        for name in (
            "title",
            "description",
            "partnership_type",
            "looking_for",
            "country",
            "age_from",
            "age_to",
        )
    }
    for name in ("languages", "subjects", "vocational_subjects", "topics"):
        fields[name] = list(getattr(posting, name, None) or [])
    expires = IExpiry(posting).expires
    return {
        "state": api.content.get_state(obj=posting),
        "fields": fields,
        "expired": bool(expires and expires < date.today()),
        "organisation_uid": getattr(posting, "organisation_uid", None),
    }


class Records:
    """What queries.make draws from, read back from the catalog (a Builder's lists)."""

    def __init__(self, catalog, rng):
        self.teachers = [_teacher(o) for o in _objects(catalog, "TeacherProfile", rng)]
        self.organisations = [_organisation(o) for o in _objects(catalog, "Organisation", rng)]
        self.projects = [_project(o) for o in _objects(catalog, "TwinSpace", rng)]
        self.postings = [_posting(o) for o in _objects(catalog, "PartnerPosting", rng)]


def _searcher(site) -> str:
    """A teacher with an account (runs with --accounts have profiles without one)."""
    people = site["people"]
    return next(
        userid
        for userid in sorted(site.acl_users.source_users.getUserIds())
        if people._getOb(userid, None) is not None
    )


def main(app) -> None:
    parser = argparse.ArgumentParser(prog="bench/passes.py")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20, help="before the first pass")
    parser.add_argument(
        "--facet-checks",
        type=int,
        default=20,
        help="queries per endpoint (first pass) checked against naive facet counts",
    )
    parser.add_argument("--seed", type=int, default=5)
    options = parser.parse_args(sys.argv[sys.argv.index("run") + 3 :])
    site = app[SITE_ID]
    setSite(site)
    rng = random.Random(options.seed)
    records = Records(site.portal_catalog, rng)
    sets = make_queries.make(options.seed, options.queries, records)
    searcher = _searcher(site)
    transaction.commit()
    results = {"in_process": {}, "http": {}}
    act_as(site, searcher)
    for name, spec, service in ENDPOINTS:
        results["in_process"][name] = [
            measure.in_process(
                site,
                app.REQUEST,
                name,
                spec,
                service,
                sets[name],
                options.warmup if not i else 0,
                options.facet_checks if not i else 0,
            )
            for i in range(options.passes)
        ]
    with measure.Server() as server:
        session = measure.session(searcher, PASSWORD)
        for name, _spec, service in ENDPOINTS:
            results["http"][name] = [
                measure.over_http(
                    server, session, SITE_ID, name, service, sets[name], options.warmup if not i else 0
                )
                for i in range(options.passes)
            ]
        session.close()
    counts = {
        kind: len(site.portal_catalog.unrestrictedSearchResults(portal_type=kind))
        for kind in ("TeacherProfile", "Organisation", "TwinSpace", "PartnerPosting")
    }
    data = {
        "options": vars(options),
        "counts": counts,
        "searches": results,
        "zodb_cache_size": app._p_jar.db().getCacheSize(),
    }
    print(f"{counts}; p50 / p95 ms per pass, ours (stock)")
    for where, by_name in results.items():
        for name, passes in by_name.items():
            cells = [
                f"{p['ours']['p50']:.1f} / {p['ours']['p95']:.1f} "
                f"({p['stock']['p50']:.1f} / {p['stock']['p95']:.1f})"
                + (
                    f" cpu {p['ours_cpu']['p50']:.1f} ({p['stock_cpu']['p50']:.1f})"
                    if "ours_cpu" in p
                    else ""
                )
                + " wrong "
                + "/".join(str(p.get(key, "-")) for key in MISMATCHES)
                for p in passes
            ]
            print(f"{where:10} {name:14} " + "   ".join(cells))
    label = "-".join(str(count) for count in counts.values())
    path = HERE / "results" / f"{date.today().isoformat()}-passes-{label}.json"
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"Results written to {path}")
    wrong = [
        p
        for by_name in results.values()
        for passes in by_name.values()
        for p in passes
        if any(p.get(key) for key in MISMATCHES)
    ]
    if wrong:
        sys.exit("Answers differ from stock @search or the naive facet counts (see the file).")


main(app)  # noqa: F821 - `app` is given by zconsole run
