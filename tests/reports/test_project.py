"""``@report`` data against a hand-built project, and its CSV."""

from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.roster import Roster
from collective.twinning.reports.project import mobilities_csv
from collective.twinning.reports.project import MOBILITY_COLUMNS
from collective.twinning.reports.project import project_report
from collective.twinning.security import as_system
from datetime import date
from plone import api
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_label
from tests.helpers import make_mobility
from tests.helpers import make_space
from tests.helpers import PASSWORD

import csv
import io
import json
import pytest


@pytest.fixture
def space(portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    create_teacher("teacher-olga", "ES")
    create_account("observer-pia", "PT")
    create_validator("validator-es", "ES")
    space = make_space(portal["projects"], "teacher-ana", "teacher-luca", "running")
    space.erasmus_key_action = "KA122"
    space.erasmus_project_reference = "2025-1-ES01-KA122-SCH-000123456"
    space.start, space.end = date(2026, 9, 15), date(2027, 6, 15)
    with as_system("teacher-ana"):
        Roster(space).set("teacher-olga", "TwinSpaceTeacher")
        Roster(space).set("observer-pia", "TwinSpaceObserver")
        for name in ("pupil-marta", "pupil-jorge"):
            create_pupil(
                space, {"username": name, "fullname": f"{name.title()} Secret", "password": PASSWORD}
            )
    with api.env.adopt_user(username="teacher-ana"):
        page = api.content.create(container=space, type="Page", id="welcome", title="Welcome")
        api.content.create(
            container=page,
            type="Material",
            id="clip",
            title="Clip",
            embed_url="https://vimeo.com/1",
            copyright_confirmed=True,
        )
    make_mobility(space, "teacher-olga", id_="shadowing", state="confirmed")
    make_mobility(
        space,
        "teacher-ana",
        id_="exchange",
        state="cancelled",
        title="=Exchange in Genova",
        activity_type="group_pupil_mobility",
        participants_staff=0,
        participants_pupils=20,
        accompanying_persons=2,
        start=date(2027, 4, 5),
        end=date(2027, 4, 11),
    )
    bring_label_to(make_label(space, "teacher-olga"), "awarded", "validator-es")
    return space


@pytest.fixture
def report(space):
    with api.env.adopt_user(username="teacher-ana"):
        return project_report(space)


def test_project_summary(space, report):
    project = report["project"]
    assert project["title"] == space.Title()
    assert project["uid"] == space.UID()
    assert project["state"] == "labelled"
    assert project["countries"] == ["ES", "IT"]
    assert project["kind"] == "european"
    assert project["founders"] == ["teacher-ana", "teacher-luca"]
    assert project["erasmus_key_action"] == "KA122"
    assert project["erasmus_project_reference"] == "2025-1-ES01-KA122-SCH-000123456"
    assert (project["start"], project["end"]) == ("2026-09-15", "2027-06-15")


def test_state_history(report):
    history = report["state_history"]
    assert [(e["action"], e["state"]) for e in history] == [
        (None, "draft"),
        ("submit", "pending"),
        ("validate", "validated"),
        ("start", "running"),
        ("label", "labelled"),
    ]
    assert history[-1]["actor"] == "validator-es"
    assert all("T" in entry["date"] for entry in history)


def test_members_by_country_and_role_pupils_counted_only(report):
    members = report["members"]
    assert members["total"] == 6
    assert members["pupils"] == 2
    assert members["by_country_and_role"] == [
        {"country": None, "role": "TwinSpacePupil", "count": 2},
        {"country": "ES", "role": "TwinSpaceAdmin", "count": 1},
        {"country": "ES", "role": "TwinSpaceTeacher", "count": 1},
        {"country": "IT", "role": "TwinSpaceAdmin", "count": 1},
        {"country": "PT", "role": "TwinSpaceObserver", "count": 1},
    ]
    # Founders first, then the roster.
    assert [adult["id"] for adult in members["adults"]] == [
        "teacher-ana",
        "teacher-luca",
        "observer-pia",
        "teacher-olga",
    ]


def test_no_pupil_names_and_no_emails(report):
    text = json.dumps(report)
    assert "pupil-marta" not in text and "Secret" not in text
    assert "@example.org" not in text


def test_pages_and_materials_with_dates(report):
    content = {(item["type"], item["title"]) for item in report["content"]}
    assert content == {("Page", "Welcome"), ("Material", "Clip")}
    for item in report["content"]:
        assert item["created"][:4].isdigit() and "T" in item["created"]
        assert item["state"] == "private"


def test_mobilities(report):
    rows = {row["url"].rsplit("/", 1)[-1]: row for row in report["mobilities"]}
    shadowing, exchange = rows["shadowing"], rows["exchange"]
    assert (shadowing["activity_type"], shadowing["status"]) == ("job_shadowing", "confirmed")
    assert (shadowing["start"], shadowing["end"], shadowing["days"]) == ("2027-02-08", "2027-02-12", 5)
    assert (shadowing["participants_staff"], shadowing["sending_country"], shadowing["host_country"]) == (
        2,
        "ES",
        "IT",
    )
    assert [e["action"] for e in shadowing["history"]] == [None, "confirm"]
    assert (exchange["status"], exchange["days"], exchange["participants_pupils"]) == ("cancelled", 7, 20)
    # Cancelled mobilities do not count in the totals.
    assert report["mobility_totals"] == {
        "mobilities": 1,
        "participants_staff": 2,
        "participants_pupils": 0,
        "accompanying_persons": 0,
    }


def test_labels(report):
    (label,) = report["labels"]
    assert (label["level"], label["applicant"], label["country"], label["status"]) == (
        "national",
        "teacher-olga",
        "ES",
        "awarded",
    )
    assert label["school_year"] == "2026-2027"
    assert "T" in label["awarded"]


def test_csv_parses_to_the_mobility_table(report):
    text = mobilities_csv(report["mobilities"])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == MOBILITY_COLUMNS
    by_title = {row["title"]: row for row in rows}
    assert by_title["Job shadowing in Genova"]["days"] == "5"
    assert by_title["Job shadowing in Genova"]["status"] == "confirmed"
    assert by_title["Job shadowing in Genova"]["start"] == "2027-02-08"
    # A title a spreadsheet would run as a formula is quoted.
    assert by_title["'=Exchange in Genova"]["participants_pupils"] == "20"


def test_a_validator_sees_public_content_only(space):
    with api.env.adopt_user(username="validator-es"):
        report = project_report(space)
    assert report["content"] == []  # private pages are the space's
    assert len(report["mobilities"]) == 2
    assert len(report["labels"]) == 1
