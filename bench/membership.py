"""The membership benchmark (issue 23): roster changes, a class of pupils and transitions by space size.

Run by ``make bench`` after the searches, or alone on a throwaway instance:
zconsole run <zope.conf> bench/membership.py [--sizes 10,100,1000] [--repeat 7]
Each step commits, as a request would. Prints a table and writes
bench/results/<date>-membership.json.
"""

from pathlib import Path

import sys


HERE = Path(sys.argv[sys.argv.index("run") + 2]).resolve().parent  # zconsole run <conf> <script>
sys.path.insert(0, str(HERE))

from build import act_as  # noqa: E402
from build import ADMIN  # noqa: E402
from build import create_site  # noqa: E402
from collective.twinning.membership.members import add_member  # noqa: E402
from collective.twinning.membership.members import remove_member  # noqa: E402
from collective.twinning.membership.pupils import create_pupils  # noqa: E402
from collective.twinning.security import as_system  # noqa: E402
from datetime import date  # noqa: E402
from plone import api  # noqa: E402
from Products.CMFCore.CMFCatalogAware import CatalogAware  # noqa: E402

import argparse  # noqa: E402
import build  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import transaction  # noqa: E402


def arguments():
    parser = argparse.ArgumentParser(prog="bench/membership.py", description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000", help="pages per space")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pupils", type=int, default=30)
    return parser.parse_args(sys.argv[sys.argv.index("run") + 3 :])


def timed(step) -> float:
    """Milliseconds of ``step`` and its commit."""
    started = time.perf_counter()
    step()
    transaction.commit()
    return (time.perf_counter() - started) * 1000


def teacher(userid: str, country: str = "FR") -> str:
    api.user.create(
        email=f"{userid}@example.org",
        username=userid,
        password="bench-password-2026",
        properties={"fullname": userid, "country": country},
    )
    api.user.grant_roles(username=userid, roles=["Teacher"])
    return userid


def space_with(site, size: int):
    founder = teacher(f"founder-{size:05d}", "ES")
    partner = teacher(f"partner-{size:05d}", "IT")
    with api.env.adopt_user(username=founder):
        space = api.content.create(
            container=site["projects"],
            type="TwinSpace",
            id=f"space-{size}",
            title=f"Space of {size}",
            languages=["en"],
            subjects=["art"],
            age_from=8,
            age_to=10,
            cofounder=partner,
        )
    with as_system():
        for transition in ("submit", "validate", "start"):
            api.content.transition(obj=space, transition=transition)
    with api.env.adopt_roles(["Manager"]):
        for number in range(size):
            api.content.create(container=space, type="Page", id=f"page-{number}", title=f"Page {number}")
            if number % 250 == 249:
                transaction.commit()
    transaction.commit()
    return space, founder


def measure_space(site, size: int, repeat: int, pupils: int) -> dict:
    print(f"space with {size} pages ...", flush=True)
    space, founder = space_with(site, size)
    catalog = api.portal.get_tool("portal_catalog")
    joiners = [teacher(f"joiner-{size:05d}-{n:02d}") for n in range(repeat)]
    transaction.commit()
    counter = catalog.getCounter()
    with api.env.adopt_user(username=founder):
        adds = [timed(lambda u=u: add_member(space, u, "TwinSpaceTeacher")) for u in joiners]
        removes = [timed(lambda u=u: remove_member(space, u)) for u in joiners]
    written = catalog.getCounter() - counter
    result = {
        "pages": size,
        "add_member_ms": statistics.median(adds),
        "remove_member_ms": statistics.median(removes),
        "catalog_records_written_by_roster_changes": written,
    }
    if size == max(int(s) for s in ARGS.sizes.split(",")):
        with as_system(founder):
            conclude, reopen = [], []
            for _ in range(repeat):
                conclude.append(timed(lambda: api.content.transition(obj=space, transition="conclude")))
                reopen.append(timed(lambda: api.content.transition(obj=space, transition="reopen")))
            full = [timed(lambda: CatalogAware.reindexObjectSecurity(space)) for _ in range(repeat)]
        with api.env.adopt_user(username=founder):
            entries = [
                {"username": f"pupil-{size:05d}-{n:02d}", "fullname": f"Pupil {n}"} for n in range(pupils)
            ]
            bulk = timed(lambda: create_pupils(space, entries))
        result.update(
            {
                "conclude_ms": statistics.median(conclude),
                "reopen_ms": statistics.median(reopen),
                "plone_reindex_object_security_ms": statistics.median(full),
                f"{pupils}_pupils_ms": bulk,
            }
        )
    return result


def main(app):
    build.SITE_ID = "membership-bench"  # beside the search benchmark's site in the same database
    site, _seconds = create_site(app)
    act_as(site, ADMIN)
    sizes = [int(s) for s in ARGS.sizes.split(",")]
    rows = [measure_space(site, size, ARGS.repeat, ARGS.pupils) for size in sizes]
    smallest, largest = rows[0], rows[-1]
    ratios = {
        "add_member_largest_vs_smallest": largest["add_member_ms"] / smallest["add_member_ms"],
        "conclude_vs_plone_reindex": largest["conclude_ms"] / largest["plone_reindex_object_security_ms"],
    }
    print(f"\n{'pages':>6} {'add ms':>8} {'remove ms':>10} {'catalog writes':>15}")
    for row in rows:
        print(
            f"{row['pages']:>6} {row['add_member_ms']:>8.1f} {row['remove_member_ms']:>10.1f} "
            f"{row['catalog_records_written_by_roster_changes']:>15}"
        )
    print(
        f"\nat {largest['pages']} pages: conclude {largest['conclude_ms']:.1f} ms, reopen "
        f"{largest['reopen_ms']:.1f} ms, Plone's reindexObjectSecurity {largest['plone_reindex_object_security_ms']:.1f} ms, "
        f"{ARGS.pupils} pupils {largest[f'{ARGS.pupils}_pupils_ms']:.1f} ms"
    )
    print("ratios:", {k: round(v, 2) for k, v in ratios.items()})
    targets = {
        "add_member_ratio<=1.5": ratios["add_member_largest_vs_smallest"] <= 1.5,
        "add_member<=50ms": largest["add_member_ms"] <= 50,
        "no_catalog_write": all(r["catalog_records_written_by_roster_changes"] == 0 for r in rows),
        "transition<=1s": max(largest["conclude_ms"], largest["reopen_ms"]) <= 1000,
        f"{ARGS.pupils}_pupils<=2s": largest[f"{ARGS.pupils}_pupils_ms"] <= 2000,
    }
    print("targets:", {k: "met" if v else "MISS" for k, v in targets.items()})
    out = HERE / "results" / f"{date.today().isoformat()}-membership.json"
    out.write_text(json.dumps({"rows": rows, "ratios": ratios, "targets": targets}, indent=1))
    print(f"written {out}")
    if not targets["no_catalog_write"]:
        raise SystemExit("a roster change wrote catalog records")


ARGS = arguments()
main(app)  # noqa: F821 - zconsole's
