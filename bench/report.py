"""The readable table of a benchmark run, and the issue's targets checked against it."""

# Issue 23's targets (at 200 000 profiles, 50 000 projects/postings), in-process with facets,
# against stock @search with a user's batch (b_size=25, sort_limit) and no facets.
P95_LIMIT_MS = 10
STOCK_RATIO = 0.5  # our p50 over stock's p50
USERS_SPEEDUP = 100  # issue 4: people search vs @users?query= (at 20 000 users)
MISMATCHES = ("mismatched_totals", "mismatched_pages", "mismatched_facets")
USERS_CHECKS = (  # result key, what people search is compared with
    ("speedup_vs_users_query_p50", "@users?query= (25 at most)"),
    ("speedup_vs_users_query_all_p50", "@users?query=&limit=<users> (every match)"),
)
USERS_LABELS = {  # way, how the table names it
    "users_query": "@users?query=",
    "users_query_all": "query=&limit=all",
    "users_search": "@users?search=",
}


def targets(data: dict) -> dict:
    searches = data["searches"]
    users = data["people_vs_users"]
    checks = {}
    for name, first in searches["in_process"].items():
        for where, result in (("in_process", first), ("serving", first.get("serving"))):
            if result is None:
                continue
            checks[f"{where} {name} p95 <= {P95_LIMIT_MS} ms"] = result["ours"]["p95"] <= P95_LIMIT_MS
            checks[f"{where} {name} p50 <= {STOCK_RATIO} x stock p50"] = (
                result["ratio_p50"] is not None and result["ratio_p50"] <= STOCK_RATIO
            )
            checks[f"{where} {name} p95 <= {STOCK_RATIO} x stock p50"] = (
                result["ratio_p95_to_stock_p50"] is not None
                and result["ratio_p95_to_stock_p50"] <= STOCK_RATIO
            )
    for where in ("in_process", "http"):
        for kind, result in users[where].items():
            for key, label in USERS_CHECKS:
                if key in result:
                    speedup = result[key]
                    checks[f"{where} people search ({kind}) >= {USERS_SPEEDUP} x {label}"] = (
                        speedup is not None and speedup >= USERS_SPEEDUP
                    )
    counts = data["counts"]
    at_target_scale = (
        counts["TeacherProfile"]["total"] >= 200_000
        and counts["TwinSpace"]["total"] >= 50_000
        and counts["PartnerPosting"]["total"] >= 50_000
    )
    checks["answers: totals, pages and sampled facets as stock and naive"] = answers_agree(data)
    return {
        "note": "The issue sets the p95 target at 200 000 profiles / 50 000 projects / 50 000 "
        "postings and the @users ratio at 20 000 users; this run's counts are in 'counts'.",
        "at_target_scale": at_target_scale,
        "users_at_target": data["people_vs_users"]["users"] >= 20_000,
        "checks": checks,
    }


def answers_agree(data: dict) -> bool:
    """Whether every total and page equals stock's, and every sampled facet the naive count."""
    results = [result for by_name in data["searches"].values() for result in by_name.values()]
    results += [result["serving"] for result in results if "serving" in result]
    return not any(result.get(key) for result in results for key in MISMATCHES)


def _row(cells, widths) -> str:
    return "  ".join(
        str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    )


def _search_rows(searches: dict) -> list:
    """(where, endpoint, result): in-process, then serving (the same queries again), then HTTP."""
    first = list(searches["in_process"].items())
    rows = [("in-process", name, r) for name, r in first]
    rows += [("serving", name, r["serving"]) for name, r in first if "serving" in r]
    return rows + [("http", name, r) for name, r in searches["http"].items()]


def print_table(data: dict) -> None:
    counts = data["counts"]
    env = data["environment"]
    print()
    print(
        f"Search benchmark, {data['scale_label']}: {counts['TeacherProfile']['total']} profiles, "
        f"{counts['Organisation']['total']} organisations, {counts['TwinSpace']['total']} "
        f"projects, {counts['PartnerPosting']['total']} postings "
        f"({counts['PartnerPosting']['published_expired']} published but expired), "
        f"{counts['users']} users"
    )
    print(f"Python {env['python']}, {env['storage']}, {env['cpus']} CPUs; times in ms")
    widths = (14, 11, 7, 7, 7, 7, 7, 7, 7, 7, 12)
    header = (
        "endpoint",
        "where",
        "p50",
        "p95",
        "stock50",
        "stock95",
        "x p50",
        "x p95",
        "fac p50",
        "fac p95",
        "wrong t/p/f",
    )
    print()
    print(_row(header, widths))
    print(_row(["-" * w for w in widths], widths))
    for where, name, r in _search_rows(data["searches"]):
        facets = r.get("facets", {})
        print(
            _row(
                (
                    name,
                    where,
                    r["ours"]["p50"],
                    r["ours"]["p95"],
                    r["stock"]["p50"],
                    r["stock"]["p95"],
                    r["ratio_p50"],
                    r["ratio_p95"],
                    facets.get("p50", "-"),
                    facets.get("p95", "-"),
                    "/".join(str(r.get(key, "-")) for key in MISMATCHES),
                ),
                widths,
            )
        )
    cpu = [(where, name, r) for where, name, r in _search_rows(data["searches"]) if "ours_cpu" in r]
    if cpu:
        print(
            _row(
                ("CPU only", "in-process", "p50", "p95", "stock50", "stock95", "x p50", "", "", "", ""),
                widths,
            )
        )
        for where, name, r in cpu:
            print(
                _row(
                    (
                        name,
                        where,
                        r["ours_cpu"]["p50"],
                        r["ours_cpu"]["p95"],
                        r["stock_cpu"]["p50"],
                        r["stock_cpu"]["p95"],
                        r["ratio_cpu_p50"],
                        "",
                        "",
                        "",
                        "",
                    ),
                    widths,
                )
            )
    print(
        "(stock: @search with the same filters, b_size=25 and sort_limit=25, no facets; x: ours / "
        "stock; serving: the same queries again, the ZODB cache holding the index buckets both "
        "read, the add-on's bitmaps dropped as a catalog write drops them; "
        "fac: engine.matches alone (its searchResults and the bitmap counts); wrong: "
        "queries whose totals / pages / sampled facets "
        "differ from stock's and the naive counts; CPU only: the thread's CPU time, what the "
        "other processes on the machine do not inflate)"
    )

    users = data["people_vs_users"]
    print()
    print(f"People search vs @users at {users['users']} users (p50 / p95 ms; speed-up at p50)")
    for where in ("in_process", "http"):
        for kind, u in users[where].items():
            ways = [way for way in USERS_LABELS if way in u]
            print(
                f"  {where.replace('_', '-'):<10} {kind:<8} people-search "
                f"{u['people_search']['p50']:>8} / {u['people_search']['p95']:<8} "
                + "  ".join(
                    f"{USERS_LABELS[way]} {u[way]['p50']} / {u[way]['p95']} (x{u[f'speedup_vs_{way}_p50']})"
                    for way in ways
                )
            )
            print(
                f"  {'':<19} found on average: "
                + ", ".join(f"{way} {count}" for way, count in u["mean_found"].items())
            )

    c = data["creation"]
    print()
    if c:
        print(
            f"Creation, median ms per object (own transaction each): TwinSpace "
            f"{c['TwinSpace']['median_ms']}, Document {c['Document']['median_ms']}, "
            f"ratio {c['ratio_twinspace_vs_document']}"
        )

    print()
    print(
        "Generation:",
        ", ".join(
            f"{name} {g['count']} in {g['seconds']} s ({g['per_second']}/s)"
            for name, g in data["generation"].items()
            if "count" in g
        ),
    )
    t = data["targets"]
    print()
    print(f"Targets (at target scale: {t['at_target_scale']}, users at target: {t['users_at_target']}):")
    for check, ok in t["checks"].items():
        print(f"  {'ok  ' if ok else 'MISS'} {check}")
    print(f"\nTotal {data['total_seconds']} s")
