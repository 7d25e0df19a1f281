"""Random searches over HTTP on the database a benchmark run left in var/bench, to size the
ZODB object cache (README, "Sizing"): p50/p95 after a short warm-up, the process's peak
memory and the objects the connections' caches hold.

    sed 's/cache-size .*/cache-size 30000/' var/bench/instance/etc/zope.conf > /tmp/30k.conf
    .venv/bin/zconsole run /tmp/30k.conf bench/http_working_set.py 30000

Run it after `make bench` (e.g. SCALE=50 BENCH_ARGS=--content-only), once per cache size.
"""

from pathlib import Path

import sys


sys.path.insert(0, str(Path(sys.argv[sys.argv.index("run") + 2]).resolve().parent))

from build import PASSWORD
from build import SITE_ID

import measure
import random
import resource
import statistics
import time
import transaction


SEARCHES = {  # type: (service, {parameter: index})
    "TwinSpace": ("@project-search", {"country": "country", "language": "languages", "subject": "subjects"}),
    "PartnerPosting": (
        "@partner-search",
        {"country": "country", "language": "languages", "subject": "subjects"},
    ),
    "Organisation": (
        "@organisation-search",
        {"country": "country", "organisation_type": "organisation_type"},
    ),
}
QUERIES, WARMUP = 220, 20


def random_searches(catalog, rng) -> list:
    """Filters taken from random items, 0-2 per search, as a user would pick them."""
    records = {
        kind: [b.getRID() for b in catalog.unrestrictedSearchResults(portal_type=kind)] for kind in SEARCHES
    }
    searches = []
    for _ in range(QUERIES):
        kind = rng.choice(sorted(SEARCHES))
        service, filters = SEARCHES[kind]
        rid = rng.choice(records[kind])
        params = {}
        for param, index_id in rng.sample(sorted(filters.items()), rng.randint(0, 2)):
            held = catalog._catalog.getIndex(index_id)._unindex.get(rid)
            held = list(held) if isinstance(held, (list, tuple)) else [held] if held else []
            if held:
                params[param] = rng.choice(held)
        searches.append((service, params))
    return searches


def main(app) -> None:
    label = sys.argv[-1]
    site = app[SITE_ID]
    catalog = site.portal_catalog
    teacher = catalog.unrestrictedSearchResults(portal_type="TeacherProfile")[0].getId
    searches = random_searches(catalog, random.Random(5))
    transaction.commit()
    times = []
    with measure.Server() as server:
        session = measure.session(teacher, PASSWORD)
        for i, (service, params) in enumerate(searches):
            started = time.perf_counter()
            response = session.get(server.url(f"{SITE_ID}/{service}"), params=params)
            assert response.status_code == 200, response.text[:200]
            if i >= WARMUP:
                times.append((time.perf_counter() - started) * 1000)
        session.close()
    times.sort()
    cached = sum(cache["size"] for cache in app._p_jar.db().cacheDetailSize())
    print(
        f"{label}: {len(times)} searches, p50 {statistics.median(times):.1f} ms, "
        f"p95 {times[int(0.95 * len(times))]:.1f} ms; peak memory "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB; "
        f"{cached} objects in the connections' caches"
    )


main(app)  # noqa: F821 - `app` is given by zconsole run
