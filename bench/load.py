"""``make load``: a bounded load test of a running instance (see the Makefile).

Two phases of LOAD_SECONDS each with LOAD_USERS virtual users (threads, one HTTP
session each, no think time):

1. baseline: stock plone.restapi ``GET`` of a plain Document (anonymous);
2. mixed: searches (projects, partners, people) and views of pages as ana,
   page creation in the running demo project as ana, and joins/leaves of the demo
   group by teachers (each virtual user its own account).

Prints a table and writes bench/results/<date>-load.json: requests/s, p50/p95/p99
latency and the error count per operation and phase.

Usage: python bench/load.py --url http://127.0.0.1:PORT/Plone [--users N] [--seconds S]
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from datetime import datetime
from datetime import UTC
from pathlib import Path

import argparse
import json
import os
import platform
import random
import requests
import statistics
import threading
import time


DEMO_PASSWORD = "twinning-demo"  # collective.twinning.demo.users
LOAD_PASSWORD = "load-test-pass-2026"  # bench/load_setup.py
PROJECT = "projects/nuestro-patrimonio-our-heritage"
GROUP = "groups/stem-teachers-europe"
PAGES = (f"{PROJECT}/bienvenidos-welcome", f"{PROJECT}/bienvenidos-welcome/our-schools")
RESULTS = Path(__file__).resolve().parent / "results"


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = {}
        self.errors: dict[str, list[str]] = {}

    def add(self, name: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.samples.setdefault(name, []).append(seconds)
            if error:
                self.errors.setdefault(name, []).append(error)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def summary(recorder: Recorder, seconds: float) -> dict:
    operations = {}
    everything = []
    for name, samples in sorted(recorder.samples.items()):
        everything.extend(samples)
        operations[name] = describe(samples, seconds, recorder.errors.get(name, []))
    result = describe(everything, seconds, [e for errors in recorder.errors.values() for e in errors])
    result["operations"] = operations
    return result


def describe(samples: list[float], seconds: float, errors: list[str]) -> dict:
    if not samples:
        return {"requests": 0, "errors": len(errors)}
    return {
        "requests": len(samples),
        "requests_per_second": round(len(samples) / seconds, 1),
        "p50_ms": round(percentile(samples, 0.50) * 1000, 1),
        "p95_ms": round(percentile(samples, 0.95) * 1000, 1),
        "p99_ms": round(percentile(samples, 0.99) * 1000, 1),
        "mean_ms": round(statistics.fmean(samples) * 1000, 1),
        "errors": len(errors),
        "error_samples": errors[:5],
    }


def session(auth=None) -> requests.Session:
    s = requests.Session()
    s.headers["Accept"] = "application/json"
    if auth:
        s.auth = auth
    return s


def timed(recorder, name, call, expected):
    start = time.perf_counter()
    try:
        response = call()
        error = None if response.status_code in expected else f"{response.status_code}: {response.text[:200]}"
    except requests.RequestException as exc:
        error = f"{type(exc).__name__}: {exc}"
    recorder.add(name, time.perf_counter() - start, error)


def baseline_user(url, deadline, recorder, _number):
    anonymous = session()
    while time.monotonic() < deadline:
        timed(
            recorder, "GET Document (stock)", lambda: anonymous.get(f"{url}/load-document", timeout=60), {200}
        )


def mixed_user(url, deadline, recorder, number):
    ana = session(("ana", DEMO_PASSWORD))
    teacher = session((f"load-teacher-{number:03d}", LOAD_PASSWORD))
    rng = random.Random(number)
    joined = False
    created = 0
    operations = [
        (
            "project search",
            3,
            lambda: ana.get(
                f"{url}/@project-search",
                params={"q": rng.choice(["heritage", "sea", "maths", "museum"])},
                timeout=60,
            ),
            {200},
        ),
        (
            "partner search",
            2,
            lambda: ana.get(
                f"{url}/@partner-search", params={"country": rng.choice(["IT", "ES", "FR"])}, timeout=60
            ),
            {200},
        ),
        (
            "people search",
            2,
            lambda: ana.get(
                f"{url}/@people-search", params={"q": rng.choice(["luca", "ana", "teacher"])}, timeout=60
            ),
            {200},
        ),
        ("view page", 4, lambda: ana.get(f"{url}/{rng.choice(PAGES)}", timeout=60), {200}),
    ]
    weights = [w for _n, w, _c, _e in operations] + [1, 2]
    while time.monotonic() < deadline:
        choice = rng.choices(range(len(weights)), weights)[0]
        if choice < len(operations):
            name, _w, call, expected = operations[choice]
            timed(recorder, name, call, expected)
        elif choice == len(operations):
            created += 1
            title = f"Load page {number}-{created}"
            timed(
                recorder,
                "create page",
                lambda title=title: ana.post(
                    f"{url}/{PROJECT}",
                    json={
                        "@type": "Page",
                        "title": title,
                        "text": {"data": "<p>Load.</p>", "content-type": "text/html"},
                    },
                    timeout=60,
                ),
                {201},
            )
        elif joined:
            timed(recorder, "leave group", lambda: teacher.post(f"{url}/{GROUP}/@leave", timeout=60), {204})
            joined = False
        else:
            timed(
                recorder, "join group", lambda: teacher.post(f"{url}/{GROUP}/@join", timeout=60), {200, 201}
            )
            joined = True


def phase(name, worker, url, users, seconds) -> dict:
    recorder = Recorder()
    deadline = time.monotonic() + seconds
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=users) as pool:
        for future in [pool.submit(worker, url, deadline, recorder, n) for n in range(users)]:
            future.result()
    elapsed = time.monotonic() - started
    result = summary(recorder, elapsed)
    result["seconds"] = round(elapsed, 1)
    print(f"load: {name} done, {result['requests']} requests, {result['errors']} errors")
    return result


def print_table(results: dict) -> None:
    print(
        f"\n{'phase / operation':<34}{'req':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    for phase_name in ("baseline", "mixed"):
        data = results[phase_name]
        rows = [(phase_name, data)] + [(f"  {n}", d) for n, d in data["operations"].items()]
        for label, d in rows:
            print(
                f"{label:<34}{d['requests']:>7}{d.get('requests_per_second', 0):>8}{d.get('p50_ms', 0):>9}"
                f"{d.get('p95_ms', 0):>9}{d.get('p99_ms', 0):>9}{d['errors']:>8}"
            )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--users", type=int, default=int(os.environ.get("LOAD_USERS", 8)))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("LOAD_SECONDS", 30)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("LOAD_THREADS", 4)))
    args = parser.parse_args()
    url = args.url.rstrip("/")

    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "users": args.users,
        "seconds_per_phase": args.seconds,
        "server_threads": args.threads,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "baseline": phase("baseline", baseline_user, url, args.users, args.seconds),
        "mixed": phase("mixed", mixed_user, url, args.users, args.seconds),
    }
    print_table(results)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{date.today().isoformat()}-load.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nload: written {path}")
    return 1 if results["baseline"]["errors"] or results["mixed"]["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
