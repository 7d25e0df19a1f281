"""Timings and answers: in-process calls and HTTP requests, ours and the stock Plone way, interleaved.

Each query is timed for the add-on's search and for its stock equivalent one
right after the other (alternating which goes first), in the same process, so
noise from other work on the machine hits both alike. The first ``warmup``
queries of each set are run once untimed. Every query's total and page are
compared with stock's, and the facets of an even sample of queries with the
naive count (one ``searchResults`` per facet value). In-process, the set is then
timed again as ``serving``: the ZODB cache now holds the index buckets both ways
read (as in a process that has served for a while), while the add-on's bitmaps are
dropped, as any catalog write drops them.
"""

from collective.twinning.progress import Progress
from collective.twinning.search import facets
from collective.twinning.search import specs
from collective.twinning.search.engine import matches
from collective.twinning.search.engine import parse
from collective.twinning.search.engine import run as run_search
from copy import deepcopy
from functools import partial
from plone import api
from plone.restapi.search.handler import SearchHandler
from plone.restapi.services.users.get import UsersGet
from Products.Five.browser import BrowserView
from queries import BATCH
from queries import BATCHING
from time import perf_counter
from time import thread_time
from urllib.parse import urlencode

import logging
import math
import requests
import statistics
import threading


ENDPOINTS = (  # name, spec, service
    ("people", specs.PEOPLE, "@people-search"),
    ("organisations", specs.ORGANISATIONS, "@organisation-search"),
    ("postings", specs.POSTINGS, "@partner-search"),
    ("projects", specs.PROJECTS, "@project-search"),
)
NOT_CLAUSES = ("sort_on", "sort_order", *BATCHING)


def summary(values: list[float]) -> dict:
    ordered = sorted(values)
    if not ordered:
        return {"n": 0}

    def rank(p: float) -> float:  # nearest rank
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]

    return {
        "n": len(ordered),
        "p50": round(statistics.median(ordered), 2),
        "p95": round(rank(95), 2),
        "mean": round(statistics.fmean(ordered), 2),
        "max": round(ordered[-1], 2),
    }


def ratio(ours: dict, theirs: dict, key: str, their_key: str | None = None) -> float | None:
    if not theirs.get(their_key or key):
        return None
    return round(ours[key] / theirs[their_key or key], 3)


def _timed(call) -> tuple[float, object]:
    started = perf_counter()
    result = call()
    return (perf_counter() - started) * 1000, result


def _timed_cpu(call) -> tuple[float, float, object]:
    """Wall and this thread's CPU milliseconds: on a shared machine the CPU time is what the
    call itself cost, the wall time also the other processes' turns."""
    started, started_cpu = perf_counter(), thread_time()
    result = call()
    return (perf_counter() - started) * 1000, (thread_time() - started_cpu) * 1000, result


def _set_request(request, portal, service: str, form: dict, query_string: str = "") -> None:
    """The one request object of the in-process runs, made to look like a new request
    (without the catalog's interim results of the query before, ``__catalog_cache__``)."""
    request.other.pop("__catalog_cache__", None)
    request.form.clear()
    request.form.update(form)
    request["ACTUAL_URL"] = f"{portal.absolute_url()}/{service}"
    request["QUERY_STRING"] = query_string or urlencode(form, doseq=True)


def facets_only(spec, form: dict) -> dict:
    """The records and facets of engine.run alone (its one searchResults, the bitmaps' counts)."""
    catalog = api.portal.get_tool("portal_catalog")
    return matches(catalog, spec, parse(spec, form))


def naive_facets(spec, stock_query: dict) -> dict:
    """Each facet value's count as len(searchResults(every clause but the facet's own + value))."""
    catalog = api.portal.get_tool("portal_catalog")
    query = {key: clause for key, clause in stock_query.items() if key not in NOT_CLAUSES}
    found = {}
    for spec_filter in spec.filters:
        if not spec_filter.facet:
            continue
        index = spec_filter.index
        values = [True, False] if spec_filter.kind == "flag" else spec_filter.allowed()
        others = {key: clause for key, clause in query.items() if key != index}
        value_counts = {}
        for value in values:
            count = len(catalog.searchResults({**others, index: value}))
            if count:
                value_counts["true" if value is True else "false" if value is False else value] = count
        found[spec_filter.param] = value_counts
    return found


def _stock_search(portal, request, query: dict) -> dict:
    return SearchHandler(portal, request).search(deepcopy(query))


def _ids(result: dict) -> list[str]:
    return [item["@id"] for item in result["items"]]


def sample(count: int, checks: int) -> set[int]:
    """``checks`` query positions spread evenly over ``count``."""
    return {i * count // checks for i in range(checks)} if count and checks else set()


def in_process(
    portal, request, name: str, spec, service: str, queries, warmup: int, facet_checks: int
) -> dict:
    """ours: engine.run; stock: plone.restapi's SearchHandler (what @search calls) with a
    user's batch; facets: the facet counting of engine.run alone. Then ``serving``: the same
    queries again, the ZODB cache holding what both ways read, the add-on's bitmaps dropped."""
    times = {"ours": [], "stock": [], "facets": [], "ours_cpu": [], "stock_cpu": []}
    wrong = {"totals": [], "pages": [], "facets": []}
    checked = sample(len(queries), facet_checks)

    def ours(q):
        _set_request(request, portal, service, q.ours)
        return run_search(spec, request)

    def stock(q):
        _set_request(request, portal, "@search", {"b_start": "0", "b_size": str(BATCH)})
        return _stock_search(portal, request, q.stock)

    def facet_parts(i, q, answers):
        elapsed, _ = _timed(lambda q=q: facets_only(spec, dict(q.ours)))
        times["facets"].append(elapsed)
        if i in checked:
            _set_request(request, portal, service, {})
            naive = naive_facets(spec, q.stock)
            if answers["ours"]["facets"] != naive:
                wrong["facets"].append({"query": q.ours, "ours": answers["ours"]["facets"], "naive": naive})

    for q in queries[:warmup]:
        ours(q), stock(q)
    _timed_pass(f"in-process {name}", queries, ours, stock, times, wrong, facet_parts)
    result = _report(times, wrong)
    result["facet_checks"] = len(checked)
    forget_bitmaps()
    serving = {"ours": [], "stock": [], "ours_cpu": [], "stock_cpu": []}
    serving_wrong = {"totals": [], "pages": []}
    _timed_pass(f"serving {name}", queries, ours, stock, serving, serving_wrong)
    result["serving"] = _report(serving, serving_wrong)
    return result


def forget_bitmaps() -> None:
    """What a catalog write does to the searches' bitmaps in every process: start again."""
    facets._kept.clear()


def _timed_pass(label: str, queries, ours, stock, times: dict, wrong: dict, after=None) -> None:
    """Each query ours and stock, one right after the other (alternating which goes first)."""
    with Progress(label, len(queries)) as bar:
        for i, q in enumerate(queries):
            calls = [("ours", ours), ("stock", stock)]
            if i % 2:
                calls.reverse()
            answers = {}
            for call_label, call in calls:
                elapsed, cpu, answers[call_label] = _timed_cpu(partial(call, q))
                times[call_label].append(elapsed)
                times[f"{call_label}_cpu"].append(cpu)
            _compare(q, answers["ours"], answers["stock"], wrong)
            if after is not None:
                after(i, q, answers)
            bar.step()


def _compare(q, ours: dict, stock: dict, wrong: dict) -> None:
    if ours["items_total"] != stock["items_total"]:
        wrong["totals"].append({"query": q.ours, "ours": ours["items_total"], "stock": stock["items_total"]})
    elif _ids(ours) != _ids(stock):
        wrong["pages"].append({"query": q.ours, "ours": _ids(ours), "stock": _ids(stock)})


def _report(times: dict, wrong: dict) -> dict:
    result = {label: summary(values) for label, values in times.items()}
    result["ratio_p50"] = ratio(result["ours"], result["stock"], "p50")
    result["ratio_p95"] = ratio(result["ours"], result["stock"], "p95")
    result["ratio_p95_to_stock_p50"] = ratio(result["ours"], result["stock"], "p95", "p50")
    if "ours_cpu" in result:
        result["ratio_cpu_p50"] = ratio(result["ours_cpu"], result["stock_cpu"], "p50")
    for kind, examples in wrong.items():
        result[f"mismatched_{kind}"] = len(examples)
        if examples:
            result[f"mismatch_examples_{kind}"] = examples[:5]
    return result


class Server:
    """The Zope WSGI application served by waitress in a thread of this process."""

    def __init__(self):
        from waitress.server import create_server
        from ZPublisher.WSGIPublisher import publish_module

        self.server = create_server(
            publish_module, host="127.0.0.1", port=0, threads=1, expose_tracebacks=False, ident="bench"
        )
        self.port = self.server.effective_port
        self.closing = False
        self.thread = threading.Thread(target=self._serve, name="bench-http", daemon=True)
        # One worker: requests are sent one at a time; a new connection waiting
        # for the worker is no news.
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)

    def _serve(self) -> None:
        try:
            self.server.run()
        except OSError:  # close() pulled a socket from under the loop's select
            if not self.closing:
                raise

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        # The sessions are closed; a worker may still pull the closed trigger.
        logging.getLogger("waitress").setLevel(logging.CRITICAL)
        self.closing = True
        self.server.close()
        self.thread.join(timeout=5)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"


def session(userid: str, password: str) -> requests.Session:
    s = requests.Session()
    s.auth = (userid, password)
    s.headers["Accept"] = "application/json"
    return s


def _get(s: requests.Session, url: str, params) -> dict:
    response = s.get(url, params=params, timeout=120)
    if response.status_code != 200:
        raise RuntimeError(f"{response.status_code} from {response.url}: {response.text[:300]}")
    return response.json()


def over_http(server, s, site_id: str, name: str, service: str, queries, warmup: int) -> dict:
    times = {"ours": [], "stock": []}
    wrong = {"totals": [], "pages": []}
    ours_url, stock_url = server.url(f"{site_id}/{service}"), server.url(f"{site_id}/@search")

    def ours(q):
        return _get(s, ours_url, list(q.ours.items()))

    def stock(q):
        return _get(s, stock_url, q.stock_http)

    for q in queries[:warmup]:
        ours(q), stock(q)
    with Progress(f"http {name}", len(queries)) as bar:
        for i, q in enumerate(queries):
            calls = [("ours", ours), ("stock", stock)]
            if i % 2:
                calls.reverse()
            answers = {}
            for label, call in calls:
                elapsed, answers[label] = _timed(partial(call, q))
                times[label].append(elapsed)
            _compare(q, answers["ours"], answers["stock"], wrong)
            bar.step()
    return _report(times, wrong)


class _UsersGet(UsersGet, BrowserView):
    """plone.restapi's @users GET service as plone.rest builds it (a view)."""


# @users answers at most 25 users unless given a limit: "query_all" asks for every match (the
# total and the first page by name, as people search answers), with the number of users.
USERS_WAYS = ("people_search", "users_query", "users_query_all", "users_search")
# With nothing typed, @users?query=&limit=<users> lists every user (as @users without
# parameters does), and people search answers every profile's first page and facets.
EVERYONE_WAYS = ("people_search", "users_query_all")


def _ways(kind: str) -> tuple:
    return EVERYONE_WAYS if kind == "everyone" else USERS_WAYS


def users_in_process(portal, request, spec, terms: dict, warmup: int, user_count: int) -> dict:
    """Per kind of term (queries.user_terms): people search ``q=<term>`` vs
    ``@users?query=<id part>`` (25 at most, and with ``limit=<user_count>``: all) and
    ``@users?search=<term>``."""

    def people(term):
        _set_request(request, portal, "@people-search", {"q": term} if term else {})
        return run_search(spec, request)["items_total"]

    def users(params):
        _set_request(request, portal, "@users", {}, urlencode(params))
        service = _UsersGet(portal, request)
        return service.reply()["items_total"]

    every = str(user_count)
    calls = {
        "people_search": lambda name, slug: people(name),
        "users_query": lambda name, slug: users({"query": slug}),
        "users_query_all": lambda name, slug: users({"query": slug, "limit": every}),
        "users_search": lambda name, slug: users({"search": name}),
    }
    for name, slug in terms["surname"][:warmup]:
        people(name), users({"query": slug})
    return {
        kind: _users_timings(f"in-process @users, {kind}", kind_terms, _ways(kind), calls)
        for kind, kind_terms in terms.items()
        if kind_terms
    }


def users_over_http(server, s, site_id: str, terms: dict, warmup: int, user_count: int) -> dict:
    people_url, users_url = server.url(f"{site_id}/@people-search"), server.url(f"{site_id}/@users")
    calls = {
        "people_search": lambda name, slug: _get(s, people_url, {"q": name} if name else {})["items_total"],
        "users_query": lambda name, slug: _get(s, users_url, {"query": slug})["items_total"],
        "users_query_all": lambda name, slug: _get(s, users_url, {"query": slug, "limit": user_count})[
            "items_total"
        ],
        "users_search": lambda name, slug: _get(s, users_url, {"search": name})["items_total"],
    }
    for name, slug in terms["surname"][:warmup]:
        calls["people_search"](name, slug), calls["users_query"](name, slug)
    return {
        kind: _users_timings(f"http @users, {kind}", kind_terms, _ways(kind), calls)
        for kind, kind_terms in terms.items()
        if kind_terms
    }


def _users_timings(label: str, terms: list, ways: tuple, calls: dict) -> dict:
    """Each term the given ways, one right after the other."""
    times = {way: [] for way in ways}
    found = dict.fromkeys(ways, 0)
    with Progress(label, len(terms)) as bar:
        for name, slug in terms:
            for way in ways:
                elapsed, total = _timed(partial(calls[way], name, slug))
                times[way].append(elapsed)
                found[way] += total
            bar.step()
    return _users_report(times, found, len(terms))


def _users_report(times: dict, found: dict, count: int) -> dict:
    result = {label: summary(values) for label, values in times.items()}
    result["mean_found"] = {label: round(total / count, 1) for label, total in found.items()}
    for way in times:
        if way != "people_search":
            result[f"speedup_vs_{way}_p50"] = ratio(result[way], result["people_search"], "p50")
    return result
