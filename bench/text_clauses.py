"""Text clauses with and without scores, on the database a benchmark run left.

    .venv/bin/zconsole run var/bench/instance/etc/zope.conf bench/text_clauses.py [text ...]

Each text (default: words and beginnings common in the generated population) becomes
the query a search's ``q`` makes of it (``filters.text_query``: the last word a
prefix, "and"/"or"/"not" quoted); for each, the median of 7 timings of the catalog's SearchableText index answering it (scores
for every match, what ``@search`` asks) against ``search.text.text_set`` (the same
records without scores, what the directory searches ask), after checking both find
the same records.
"""

from collective.twinning.search.filters import text_query
from collective.twinning.search.text import text_set
from zope.component.hooks import setSite

import statistics
import sys
import time


TYPED = ["for", "and", "common", "school", "project", "ma", "maria", "rossi", "maria ro"]
ROUNDS = 7


def _median_ms(call) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(app) -> None:
    typed = sys.argv[sys.argv.index("run") + 3:] or TYPED
    queries = [text_query("q", text) for text in typed]
    site = app.Plone
    setSite(site)
    index = site.portal_catalog._catalog.getIndex("SearchableText")
    print(f"{'query':18} {'matches':>8} {'scored ms':>10} {'unscored ms':>12} {'ratio':>6}")
    for query in queries:
        scored = index._apply_index({"SearchableText": query})[0]
        expected = set() if scored is None else set(scored.keys())
        if set(text_set(index, query)) != expected:
            sys.exit(f"{query!r}: the records differ")
        with_scores = _median_ms(lambda: index._apply_index({"SearchableText": query}))
        without = _median_ms(lambda: text_set(index, query))
        print(f"{query:18} {len(expected):8} {with_scores:10.2f} {without:12.2f} "
              f"{without / with_scores if with_scores else 0:6.2f}")


main(app)  # noqa: F821 - `app` is given by zconsole run
