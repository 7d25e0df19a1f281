"""The recognition benchmark (issue 25): ``@school-label`` eligibility of a school with many teachers.

Run by ``make bench`` after the membership section, or alone on a throwaway instance:
zconsole run <zope.conf> bench/recognition.py [--teachers 200] [--projects 2000] [--repeat 200]
One school with ``--teachers`` teachers (three quarters of them in projects), ``--projects``
projects (a tenth still drafts, a fifth national), 40 National Quality Labels awarded over
three years. Times ``eligibility`` (what ``GET <organisation>/@school-label`` answers) and a
naive computation (walking the folders and rosters), checks they agree, prints a table and
writes bench/results/<date>-recognition.json.
"""

from pathlib import Path

import sys


HERE = Path(sys.argv[sys.argv.index("run") + 2]).resolve().parent  # zconsole run <conf> <script>
sys.path.insert(0, str(HERE))

from build import act_as  # noqa: E402
from build import ADMIN  # noqa: E402
from build import create_site  # noqa: E402
from collective.twinning.directory.organisations import set_organisation  # noqa: E402
from collective.twinning.directory.profiles import sync_profile  # noqa: E402
from collective.twinning.labels.awarded import awarded_date  # noqa: E402
from collective.twinning.labels.evaluation import evaluate  # noqa: E402
from collective.twinning.learning.ledger import completed_since  # noqa: E402
from collective.twinning.membership.roster import GroupRoster  # noqa: E402
from collective.twinning.membership.roster import Roster  # noqa: E402
from collective.twinning.recognition import school_label  # noqa: E402
from collective.twinning.security import as_system  # noqa: E402
from DateTime import DateTime  # noqa: E402
from datetime import date  # noqa: E402
from datetime import timedelta  # noqa: E402
from plone import api  # noqa: E402

import argparse  # noqa: E402
import build  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import transaction  # noqa: E402


CRITERIA = (
    "pedagogical_approaches",
    "curricular_integration",
    "collaboration",
    "use_of_technology",
    "results_documentation",
)
TEXT = "We planned, taught and evaluated this project together, with the pupils in every step. " * 3
LABELS = 40
TARGET_P95_MS = 20


def arguments():
    parser = argparse.ArgumentParser(prog="bench/recognition.py", description=__doc__)
    parser.add_argument("--teachers", type=int, default=200)
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--naive-repeat", type=int, default=5)
    return parser.parse_args(sys.argv[sys.argv.index("run") + 3 :])


def account(userid: str, country: str, role: str) -> str:
    api.user.create(
        email=f"{userid}@example.org",
        username=userid,
        password="bench-password-2026",
        properties={"fullname": userid, "country": country},
    )
    api.user.grant_roles(username=userid, roles=[role])
    return userid


def build_school(site, teachers: int, projects: int):
    """The school, its teachers, their projects and labels; returns (school, its teachers)."""
    started = time.perf_counter()
    with api.env.adopt_roles(["Manager"]):
        school = api.content.create(
            container=site["organisations"],
            type="Organisation",
            id="big-school",
            title="A big school",
            country="ES",
            organisation_type="secondary",
        )
    school.creation_date = DateTime() - 3 * 365
    school.reindexObject()
    staff = [account(f"teacher-{n:03d}", "ES", "Teacher") for n in range(teachers)]
    for userid in staff:
        set_organisation(sync_profile(userid), school)
    partners = [account(f"partner-{n:02d}", "IT" if n % 5 else "ES", "Teacher") for n in range(20)]
    validators = {"ES": account("validator-es", "ES", "NationalValidator")}
    transaction.commit()
    active_staff = staff[: max(1, teachers * 3 // 4)]
    spaces = []
    for number in range(projects):
        founder = active_staff[number % len(active_staff)]
        partner = partners[number % len(partners)]
        with api.env.adopt_user(username=founder):
            space = api.content.create(
                container=site["projects"],
                type="TwinSpace",
                id=f"project-{number:05d}",
                title=f"Project {number}",
                languages=["en"],
                subjects=["art"],
                age_from=8,
                age_to=10,
                cofounder=partner,
            )
        if number % 10:
            with as_system():
                for transition in ("submit", "validate", "start"):
                    api.content.transition(obj=space, transition=transition)
            spaces.append((space, founder))
        if number % 250 == 249:
            transaction.commit()
            site._p_jar.cacheGC()
    transaction.commit()
    today = date.today()
    for number, (space, founder) in enumerate(spaces[:LABELS]):
        with api.env.adopt_user(username=founder):
            label = api.content.create(
                container=space,
                type="QualityLabel",
                id="national-label",
                title="National label",
                level="national",
                school_year="2026-2027",
                **dict.fromkeys(CRITERIA, TEXT),
            )
        with as_system(founder):
            api.content.transition(obj=label, transition="submit")
        with api.env.adopt_user(username=validators["ES"]):
            evaluate(
                label,
                validators["ES"],
                {"scores": dict.fromkeys(CRITERIA, 8), "comment": "Good.", "decision": "award"},
            )
        # Awarded over three years: a third of them in the last year's window.
        day = today - timedelta(days=30 + 27 * number)
        history = list(label.workflow_history["quality_label_workflow"])
        history[-1] = {**history[-1], "time": DateTime(f"{day.isoformat()} 12:00:00 UTC")}
        label.workflow_history["quality_label_workflow"] = tuple(history)
        label.reindexObject()
    transaction.commit()
    return school, staff, time.perf_counter() - started


def naive(site, school, today: date) -> dict:
    """The rule computed the slow obvious way: every profile, every place's roster, every label."""
    since = school_label.years_after(today, -school_label.REGISTERED_YEARS)
    teachers = sorted(
        profile.getId()
        for profile in site["people"].objectValues()
        if profile.organisation is not None
        and profile.organisation.to_object == school
        and api.content.get_state(obj=profile) == "visible"
    )
    wanted = set(teachers)
    active = set()
    places = [(space, Roster) for space in site["projects"].objectValues()]
    places += [(group, GroupRoster) for group in site["groups"].objectValues()]
    for place, roster in places:
        state = api.content.get_state(obj=place)
        if state not in school_label.ACTIVE_PROJECT_STATES + school_label.ACTIVE_GROUP_STATES:
            continue
        if place.modified().asdatetime().date() < since:
            continue
        active |= {userid for userid, _role in roster(place).items() if userid in wanted}
    active |= {userid for userid in wanted - active if completed_since(userid, since)}
    low, high = school_label.years_after(today, -1), today
    labels = 0
    for space in site["projects"].objectValues():
        if len(set(space.countries or ())) < 2:
            continue
        for label in space.objectValues():
            if getattr(label, "portal_type", None) != "QualityLabel" or label.level != "national":
                continue
            if api.content.get_state(obj=label) != "awarded" or label.applicant not in wanted:
                continue
            awarded = awarded_date(label)
            if awarded and low <= date.fromisoformat(awarded[:10]) <= high:
                labels += 1
    registered = school.created().asdatetime().date()
    values = {
        "registered": registered.isoformat(),
        "active_teachers": len(active),
        "national_quality_label": labels,
    }
    values["eligible"] = (
        registered <= since
        and len(active) >= school_label.MIN_ACTIVE_TEACHERS
        and labels >= school_label.MIN_NATIONAL_LABELS
    )
    values["teachers"] = len(teachers)
    return values


def fast(school) -> dict:
    result = school_label.eligibility(school)
    values = {criterion["name"]: criterion["value"] for criterion in result["criteria"]}
    values["eligible"] = result["eligible"]
    values["teachers"] = result["criteria"][1]["teachers"]
    return values


def timings(call, repeat: int) -> list[float]:
    found = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        found.append((time.perf_counter() - started) * 1000)
        transaction.abort()
    return found


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main(app):
    build.SITE_ID = "recognition-bench"  # beside the other sections' sites in the same database
    site, _seconds = create_site(app)
    act_as(site, ADMIN)
    print(f"building a school with {ARGS.teachers} teachers and {ARGS.projects} projects ...", flush=True)
    school, staff, built = build_school(site, ARGS.teachers, ARGS.projects)
    print(f"built in {built:.0f} s", flush=True)
    today = date.today()
    with api.env.adopt_user(username=staff[0]):  # a teacher of the school asks
        expected, answer = naive(site, school, today), fast(school)
        for _ in range(10):  # warm-up
            fast(school)
        quick = timings(lambda: fast(school), ARGS.repeat)
        slow = timings(lambda: naive(site, school, today), ARGS.naive_repeat)
    row = {
        "teachers": ARGS.teachers,
        "projects": ARGS.projects,
        "eligibility_median_ms": statistics.median(quick),
        "eligibility_p95_ms": p95(quick),
        "naive_median_ms": statistics.median(slow),
        "answer": answer,
        "naive_answer": expected,
    }
    row["naive_vs_eligibility"] = row["naive_median_ms"] / row["eligibility_median_ms"]
    same = answer == expected
    targets = {f"p95<={TARGET_P95_MS}ms": row["eligibility_p95_ms"] <= TARGET_P95_MS, "same_answer": same}
    print(f"\n{'teachers':>8} {'projects':>8} {'median ms':>10} {'p95 ms':>8} {'naive ms':>9} {'ratio':>6}")
    print(
        f"{ARGS.teachers:>8} {ARGS.projects:>8} {row['eligibility_median_ms']:>10.2f} "
        f"{row['eligibility_p95_ms']:>8.2f} {row['naive_median_ms']:>9.1f} {row['naive_vs_eligibility']:>6.0f}"
    )
    print("answer:", answer)
    print("targets:", {k: "met" if v else "MISS" for k, v in targets.items()})
    out = HERE / "results" / f"{today.isoformat()}-recognition.json"
    out.write_text(json.dumps({"rows": [row], "targets": targets, "repeat": ARGS.repeat}, indent=1))
    print(f"written {out}")
    if not same:
        raise SystemExit(f"eligibility differs from the naive computation: {answer} != {expected}")


ARGS = arguments()
main(app)  # noqa: F821 - zconsole's
