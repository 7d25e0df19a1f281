"""The search benchmark (issue 4). Run it with ``make bench`` (``SCALE=5 make bench``).

By hand: zconsole run <zope.conf> bench/run.py [--scale 1] [--queries 200] [--seed 4]
on a throwaway instance (make bench writes one under var/bench/ with an empty
database). It creates a Plone site, generates the population (batch commits),
then measures each search in-process and over HTTP against stock ``@search``
with the same filters, people search against ``@users``, and the creation of a
TwinSpace against a Document; prints a table and writes
bench/results/<date>-<scale>.json (<date>-<scale>-<storage>.json on ZEO or RelStorage).
"""

from pathlib import Path

import sys


HERE = Path(sys.argv[sys.argv.index("run") + 2]).resolve().parent  # zconsole run <conf> <script>
sys.path.insert(0, str(HERE))

from build import act_as  # noqa: E402
from build import ADMIN  # noqa: E402
from build import Builder  # noqa: E402
from build import catalog_counts  # noqa: E402
from build import create_site  # noqa: E402
from build import creation_costs  # noqa: E402
from build import PASSWORD  # noqa: E402
from build import SITE_ID  # noqa: E402
from collective.twinning.search import specs  # noqa: E402
from datetime import date  # noqa: E402
from datetime import datetime  # noqa: E402
from datetime import UTC  # noqa: E402
from measure import ENDPOINTS  # noqa: E402
from population import Scale  # noqa: E402
from report import answers_agree  # noqa: E402
from report import print_table  # noqa: E402
from report import targets  # noqa: E402
from zope.component.hooks import setSite  # noqa: E402

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import measure  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import queries as make_queries  # noqa: E402
import time  # noqa: E402


def arguments():
    args = sys.argv[sys.argv.index("run") + 3 :]
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__)
    parser.add_argument("--scale", type=float, default=float(os.environ.get("SCALE", "0.5")))
    parser.add_argument("--queries", type=int, default=200, help="per endpoint")
    parser.add_argument(
        "--user-queries",
        type=int,
        default=50,
        help="surnames (and their prefixes) typed in people search vs @users",
    )
    parser.add_argument(
        "--everyone-queries",
        type=int,
        default=3,
        help="people search with nothing typed vs @users listing every user",
    )
    parser.add_argument("--warmup", type=int, default=20, help="untimed queries first")
    parser.add_argument(
        "--facet-checks",
        type=int,
        default=20,
        help="queries per endpoint whose facets are compared with naive counts",
    )
    parser.add_argument("--batch", type=int, default=250, help="objects per commit")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument(
        "--people-only",
        action="store_true",
        help="scale the accounts and profiles only (organisations, projects, postings stay "
        "at most 500): the people search against @users at many users, in less time",
    )
    parser.add_argument(
        "--content-only",
        action="store_true",
        help="scale organisations, projects and postings only (accounts and profiles stay at "
        "most 5 000): the other three searches at their full size, in less time",
    )
    parser.add_argument(
        "--accounts",
        type=int,
        default=None,
        help="only the first N teachers get an account (and are approved); the others get "
        "their profile without one: people search at many profiles in less time (@users "
        "is then compared at the accounts there are)",
    )
    parser.add_argument(
        "--build-only",
        action="store_true",
        help="build the portal and stop (measure it later with --reuse and the same options)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the portal an earlier run with the same options built in this database "
        "(its records are drawn again from the seed; nothing is written)",
    )
    parser.add_argument("--tag", default="", help="appended to the results file's name")
    parser.add_argument("--results", default=str(HERE / "results"))
    return parser.parse_args(args)


def storage_name(app) -> str:
    storage = app._p_jar.db().storage
    inner = getattr(storage, "_BlobStorage__storage", None) or getattr(storage, "_storage", None)
    names = [type(storage).__name__]
    if inner is not None and inner is not storage:
        names.append(type(inner).__name__)
    return " over ".join(reversed(names))


def versions() -> dict:
    from importlib.metadata import version

    return {
        name: version(name)
        for name in (
            "Zope",
            "Products.CMFPlone",
            "plone.restapi",
            "ZODB",
            "Products.ZCatalog",
        )
    }


def scale_label(factor: float) -> str:
    return f"scale{factor:g}"


# What stays small when only part of the population is scaled (the option's name).
PARTIAL = {
    "people_only": {"organisations": 500, "projects": 500, "postings": 500, "creations": 50},
    "content_only": {"teachers": 5000, "pending": 250, "creations": 50},
}


def partial(scale: Scale, options) -> Scale:
    for option, limits in PARTIAL.items():
        if getattr(options, option):
            smaller = {name: min(getattr(scale, name), most) for name, most in limits.items()}
            scale = dataclasses.replace(scale, **smaller)
    if options.accounts is not None:  # waiting accounts are compared with accounts
        scale = dataclasses.replace(scale, pending=min(scale.pending, 250))
    return scale


def main(app) -> None:
    options = arguments()
    if options.people_only and options.content_only:
        sys.exit("--people-only and --content-only exclude each other")
    if options.accounts is not None and options.accounts < 1:
        sys.exit("--accounts: at least 1 (someone founds the projects and searches)")
    scale = partial(Scale.of(options.scale), options)
    started = time.perf_counter()
    print(f"Benchmark at {scale_label(scale.factor)}: {scale}", flush=True)
    if options.reuse:
        site, site_seconds = app[SITE_ID], 0.0
        setSite(site)
    else:
        site, site_seconds = create_site(app)
    builder = Builder(site, scale, options.seed, options.batch, options.accounts, reuse=options.reuse)
    generation = builder.build()
    generation["site"] = {"seconds": round(site_seconds, 2)}
    if options.build_only:
        print(f"Built in {time.perf_counter() - started:.0f} s; measure with --reuse.", flush=True)
        return
    counts = catalog_counts(site)
    print(f"Catalog: {json.dumps(counts)}", flush=True)

    sets = make_queries.make(options.seed, options.queries, builder)
    request = app.REQUEST
    searcher = builder.members[len(builder.members) // 2]
    results = {"in_process": {}, "http": {}}

    # In-process, as a validated teacher.
    act_as(site, searcher.userid)
    for name, spec, service in ENDPOINTS:
        results["in_process"][name] = measure.in_process(
            site, request, name, spec, service, sets[name], options.warmup, options.facet_checks
        )
    # People search against @users (which needs a user manager: the site admin).
    terms = make_queries.user_terms(
        builder.maker.rng, builder.members, options.user_queries, options.everyone_queries
    )
    act_as(site, ADMIN)
    users_in_process = measure.users_in_process(
        site, request, specs.PEOPLE, terms, min(options.warmup, 5), counts["users"]
    )

    # The same over HTTP, served from a thread of this process.
    with measure.Server() as server:
        teacher = measure.session(searcher.userid, PASSWORD)
        for name, _spec, service in ENDPOINTS:
            results["http"][name] = measure.over_http(
                server, teacher, SITE_ID, name, service, sets[name], options.warmup
            )
        teacher.close()
        admin = measure.session(ADMIN, PASSWORD)
        users_http = measure.users_over_http(
            server, admin, SITE_ID, terms, min(options.warmup, 5), counts["users"]
        )
        admin.close()

    act_as(site, ADMIN)
    # A reused portal stays as it was built: no creations timed.
    creation = None if options.reuse else creation_costs(site, builder.members, scale.creations)

    data = {
        "issue": 4,
        "scale": scale.factor,
        "scale_label": scale_label(scale.factor),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "environment": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "storage": storage_name(app),
            "zodb_cache_size": app._p_jar.db().getCacheSize(),
            "versions": versions(),
        },
        "options": vars(options),
        "planned": vars(scale),
        "counts": counts,
        "generation": generation,
        "searches": results,
        "people_vs_users": {"users": counts["users"], "in_process": users_in_process, "http": users_http},
        "creation": creation,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    data["targets"] = targets(data)
    out = Path(options.results)
    out.mkdir(parents=True, exist_ok=True)
    storage = os.environ.get("STORAGE", "filestorage")
    suffix = "" if storage == "filestorage" else f"-{storage}"
    if options.people_only:
        suffix += "-people"
    if options.content_only:
        suffix += "-content"
    if options.accounts is not None:
        suffix += f"-{options.accounts}-accounts"
    if options.tag:
        suffix += f"-{options.tag}"
    path = out / f"{date.today().isoformat()}-{scale.factor:g}{suffix}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print_table(data)
    print(f"\nResults written to {path}")
    if not answers_agree(data):
        sys.exit(
            "The searches' answers differ from stock @search or the naive facet counts "
            "(the mismatch_examples_* of the results file)."
        )


main(app)  # noqa: F821 - `app` is given by zconsole run
