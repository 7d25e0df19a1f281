"""``@report`` and ``@twinning-stats`` through REST: who may, formats, CSV."""

from tests.helpers import create_account
from tests.helpers import make_mobility
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project

import csv
import io
import pytest
import transaction


@pytest.fixture
def project(functional_portal):
    space, _page, _materials = build_project(functional_portal, "running")
    make_mobility(space, ACCOUNTS["teacher"], id_="shadowing")
    create_account("validator-eu-central", "BE", roles=["EuropeanValidator"])
    transaction.commit()
    return space


@pytest.mark.parametrize(
    "role,allowed",
    [
        ("founder", True),
        ("admin", True),
        ("validator", True),
        ("manager", True),
        ("teacher", False),
        ("pupil", False),
        ("observer", False),
        ("member", False),
        ("other_validator", False),
        ("anonymous", False),
    ],
)
def test_who_gets_the_report(project, session_for, role, allowed):
    session = session_for("anonymous" if role == "anonymous" else ACCOUNTS[role])
    response = session.get("/projects/space/@report")
    if allowed:
        assert response.status_code == 200, response.text
        assert response.json()["project"]["uid"] == project.UID()
    else:
        assert response.status_code in (401, 403)


def test_report_csv(project, session_for):
    response = session_for(ACCOUNTS["founder"]).get("/projects/space/@report?format=csv")
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "space-mobilities.csv" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [(row["activity_type"], row["days"], row["status"]) for row in rows] == [
        ("job_shadowing", "5", "planned")
    ]


def test_report_csv_needs_the_permission_too(project, session_for):
    response = session_for(ACCOUNTS["teacher"]).get("/projects/space/@report?format=csv")
    assert response.status_code in (401, 403)


def test_report_unknown_format(project, session_for):
    response = session_for(ACCOUNTS["founder"]).get("/projects/space/@report?format=xml")
    assert response.status_code == 400
    assert "format" in response.json()["message"]


@pytest.mark.parametrize(
    "who,status",
    [
        ("validator", 200),
        ("other_validator", 200),
        ("validator-eu-central", 200),
        ("manager", 200),
        ("founder", 401),
        ("member", 401),
        ("anonymous", 401),
    ],
)
def test_who_gets_the_stats(project, session_for, who, status):
    session = session_for("anonymous" if who == "anonymous" else ACCOUNTS.get(who, who))
    response = session.get("/@twinning-stats")
    if status == 200:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code in (401, 403)


def test_stats_per_country_through_rest(project, session_for):
    spain = session_for(ACCOUNTS["validator"]).get("/@twinning-stats").json()
    france = session_for(ACCOUNTS["other_validator"]).get("/@twinning-stats").json()
    assert spain["countries"] == ["ES"]
    assert spain["projects"]["by_state_and_country"] == {"running": {"ES": 1}}
    assert spain["mobilities"]["by_activity_type"] == {"job_shadowing": 1}
    assert france["countries"] == ["FR"]
    assert france["projects"]["total"] == 0
    assert france["mobilities"]["total"] == 0
