"""Summarise the NDJSON reports of make fuzz: requests, statuses, failures per identity.

"failures" counts every failing (operation, check, status), accepted ones (the baseline) too;
"new_failures" says whether schemathesis found one outside the baseline.

Usage: python scripts/fuzz_summary.py OUT.json EXAMPLES SEED IDENTITY=REPORT_DIR:SECONDS:EXIT ...
Prints the summary and writes it to OUT.json; exits 1 when a check failed or a run did not finish.
"""

from collections import Counter
from importlib.metadata import version
from pathlib import Path

import datetime
import json
import platform
import sys


def summarise(report_dir: Path) -> dict:
    requests = 0
    statuses = Counter()
    failures = set()
    operations = set()
    finished = False
    for path in sorted(report_dir.glob("*.ndjson")):
        for line in path.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            if "EngineFinished" in event:
                finished = True
            scenario = event.get("ScenarioFinished")
            if not scenario:
                continue
            recorder = scenario["recorder"]
            operations.add(recorder.get("label"))
            for interaction in recorder.get("interactions", {}).values():
                response = interaction.get("response")
                requests += 1
                if response:
                    statuses[str(response["status_code"])] += 1
            for case_id, checks in recorder.get("checks", {}).items():
                for check in checks:
                    if check["status"] == "failure":
                        interaction = recorder.get("interactions", {}).get(case_id) or {}
                        status = (interaction.get("response") or {}).get("status_code")
                        failures.add((recorder.get("label"), check["name"], status))
    return {
        "operations": len(operations - {None}),
        "requests": requests,
        "server_errors": sum(n for code, n in statuses.items() if code.startswith("5")),
        "statuses": dict(sorted(statuses.items())),
        "failures": len(failures),
        "failing": [
            {"operation": label, "check": name, "status": status}
            for label, name, status in sorted(failures, key=str)
        ],
        "completed": finished,
    }


def main() -> None:
    out, examples, seed, *runs = sys.argv[1:]
    identities = {}
    ok = True
    for run in runs:
        name, _, rest = run.partition("=")
        report_dir, seconds, code = rest.rsplit(":", 2)
        summary = summarise(Path(report_dir))
        summary["seconds"] = round(float(seconds), 1)
        summary["exit_code"] = int(code)
        identities[name] = summary
        # schemathesis exits 0 when every failure is in scripts/fuzz_baseline.json.
        summary["new_failures"] = int(code) != 0
        ok = ok and summary["completed"] and int(code) == 0
    result = {
        "date": datetime.date.today().isoformat(),
        "tool": f"schemathesis {version('schemathesis')}",
        "python": platform.python_version(),
        "max_examples": int(examples),
        "seed": int(seed),
        "checks": ["not_a_server_error", "status_code_conformance", "response_schema_conformance"],
        "identities": identities,
        "total": {
            "requests": sum(s["requests"] for s in identities.values()),
            "server_errors": sum(s["server_errors"] for s in identities.values()),
            "failures": sum(s["failures"] for s in identities.values()),
            "seconds": round(sum(s["seconds"] for s in identities.values()), 1),
        },
    }
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
