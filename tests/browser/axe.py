"""axe-core in the browser suite: WCAG 2.1 A/AA rules on the page a person sees.

``audit(page, label)`` runs axe-core (shipped inside axe-playwright-python, injected into the
page) and returns the violations whose impact is serious or critical; every result, minor ones
too, is appended to ``test-artifacts/axe/<run>.jsonl`` so a run can be counted afterwards
(``python -m tests.browser.axe test-artifacts/axe/*.jsonl``).
"""

from axe_playwright_python.sync_playwright import Axe
from pathlib import Path
from playwright.sync_api import Page

import json
import sys


ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "test-artifacts" / "axe"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
_axe = Axe()


def violations(page: Page) -> list[dict]:
    """Every WCAG 2.1 A/AA violation axe-core finds on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    return _axe.run(page, options=options).response["violations"]


def audit(page: Page, label: str, run: str = "scenario") -> list[str]:
    """The serious and critical violations of the page, one line each (rule: target); logged."""
    found = violations(page)
    REPORTS.mkdir(parents=True, exist_ok=True)
    with (REPORTS / f"{run}.jsonl").open("a", encoding="utf-8") as log:
        for violation in found:
            log.write(
                json.dumps(
                    {
                        "page": label,
                        "url": page.url,
                        "rule": violation["id"],
                        "impact": violation["impact"],
                        "nodes": [node["target"] for node in violation["nodes"]],
                        "summary": violation["nodes"][0].get("failureSummary", "")[:300]
                        if violation["nodes"]
                        else "",
                    }
                )
                + "\n"
            )
    return [
        f"{label}: {violation['id']} ({violation['impact']}) at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in found
        if violation["impact"] in BLOCKING
    ]


def summary(paths) -> dict:
    """Counts of a logged run: violations (rule × page) and nodes, by impact."""
    counts: dict = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            impact = counts.setdefault(entry["impact"], {"violations": 0, "nodes": 0, "rules": set()})
            impact["violations"] += 1
            impact["nodes"] += len(entry["nodes"])
            impact["rules"].add(entry["rule"])
    return {key: {**value, "rules": sorted(value["rules"])} for key, value in counts.items()}


if __name__ == "__main__":
    print(json.dumps(summary(sys.argv[1:]), indent=2))
