"""Mobilities through REST: the Erasmus+ rules answer 400 naming the rule and write
nothing; the preparation pages; the workflow for the right and wrong people."""

from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.helpers import make_mobility
from tests.helpers import make_space
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project

import base64
import pytest
import transaction


TEACHER = ACCOUNTS["teacher"]  # a Spanish TwinSpaceTeacher


@pytest.fixture
def project(functional_portal):
    """A running project (ES/IT) of the KA122 project 2025-1-ES01-KA122-SCH-000123456."""
    space, _page, _materials = build_project(functional_portal, "running")
    space.erasmus_key_action = "KA122"
    # Another project the teacher works in, with a page of its own.
    elsewhere = make_space(
        functional_portal["projects"], ACCOUNTS["founder"], None, "running", id_="elsewhere"
    )
    with as_system():
        Roster(elsewhere).set(TEACHER, "TwinSpaceTeacher")
        api.content.create(container=elsewhere, type="Page", id="foreign-page", title="Not ours")
    transaction.commit()
    return space


def mobility(**changes):
    payload = {
        "@type": "Mobility",
        "title": "Job shadowing in Genova",
        "key_action": "KA122",
        "activity_type": "job_shadowing",
        "direction": "outgoing",
        "sending_organisation": "IES Miguel de Cervantes",
        "receiving_organisation": "Liceo Galileo Galilei",
        "host_country": "IT",
        "start": "2027-02-08",
        "end": "2027-02-09",
        "participants_staff": 1,
    }
    payload.update(changes)
    return payload


def children(session) -> list[str]:
    return [item["@id"] for item in session.get("/projects/space").json()["items"]]


# (case, changes, the rule named in the message)
REFUSED = [
    ("one-day-job-shadowing", {"end": "2027-02-08"}, "days"),
    ("course-of-31-days", {"activity_type": "course", "end": "2027-03-10"}, "days"),
    ("no-staff", {"participants_staff": 0}, "participants_staff"),
    ("pupils-on-a-course", {"activity_type": "course", "participants_pupils": 1}, "participants_pupils"),
    (
        "group-of-one-pupil",
        {"activity_type": "group_pupil_mobility", "participants_pupils": 1, "accompanying_persons": 1},
        "participants_pupils",
    ),
    (
        "group-unaccompanied",
        {"activity_type": "group_pupil_mobility", "participants_pupils": 20},
        "accompanying_persons",
    ),
    (
        "short-term-of-9-days",
        {"activity_type": "short_term_pupil_mobility", "participants_pupils": 2, "end": "2027-02-16"},
        "days",
    ),
    (
        "long-term-without-agreement",
        {"activity_type": "long_term_pupil_mobility", "participants_pupils": 1, "end": "2027-04-08"},
        "learning_agreement",
    ),
    ("other-key-action", {"key_action": "KA220"}, "key_action"),
    ("outgoing-to-home", {"host_country": "ES"}, "host_country"),
    (
        "foreign-preparation-page",
        {"preparation_pages": ["/projects/elsewhere/foreign-page"]},
        "preparation_pages",
    ),
    (
        "material-as-preparation-page",
        {"preparation_pages": ["/projects/space/material-teacher"]},
        "preparation_pages",
    ),
]


@pytest.mark.parametrize("changes,rule", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_rule_broken(project, session_for, changes, rule):
    session = session_for(TEACHER)
    before = children(session)
    response = session.post("/projects/space", json=mobility(**changes))
    assert response.status_code == 400, response.text
    assert f"Rule '{rule}'" in response.json()["message"]
    assert children(session) == before


ACCEPTED = [
    ("two-day-job-shadowing", {}),
    ("one-day-preparatory-visit", {"activity_type": "preparatory_visit", "end": "2027-02-08"}),
    (
        "short-term-of-29-days",
        {
            "activity_type": "short_term_pupil_mobility",
            "participants_staff": 0,
            "participants_pupils": 3,
            "end": "2027-03-08",
        },
    ),
    (
        "group-of-two-accompanied",
        {
            "activity_type": "group_pupil_mobility",
            "participants_staff": 0,
            "participants_pupils": 2,
            "accompanying_persons": 1,
        },
    ),
    ("incoming-at-home", {"direction": "incoming", "host_country": "ES", "sending_country": "IT"}),
    ("own-preparation-page", {"preparation_pages": ["/projects/space/page"]}),
]


@pytest.mark.parametrize("changes", [c[1] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_rule_kept(project, session_for, changes):
    response = session_for(TEACHER).post("/projects/space", json=mobility(**changes))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["review_state"] == "planned"
    assert body["sending_country"]["token"] == (changes.get("sending_country") or "ES")


def test_long_term_mobility_with_its_learning_agreement(project, session_for):
    agreement = {
        "data": base64.b64encode(b"%PDF-1.4 learning agreement").decode(),
        "encoding": "base64",
        "filename": "learning-agreement.pdf",
        "content-type": "application/pdf",
    }
    response = session_for(TEACHER).post(
        "/projects/space",
        json=mobility(
            activity_type="long_term_pupil_mobility",
            participants_staff=0,
            participants_pupils=1,
            start="2027-01-10",
            end="2027-03-10",
            learning_agreement=agreement,
        ),
    )
    assert response.status_code == 201, response.text
    assert response.json()["learning_agreement"]["filename"] == "learning-agreement.pdf"


def test_preparation_pages_read_back(project, session_for):
    session = session_for(TEACHER)
    url = session.post("/projects/space", json=mobility(preparation_pages=["/projects/space/page"])).json()[
        "@id"
    ]
    pages = session.get(url).json()["preparation_pages"]
    assert [page["@id"].rsplit("/", 1)[-1] for page in pages] == ["page"]
    # Pupils read the mobility and reach the page they prepare it in.
    assert session_for(ACCOUNTS["pupil"]).get(url).json()["preparation_pages"][0]["title"] == "Private page"


def test_patch_keeps_the_rules(project, session_for):
    session = session_for(TEACHER)
    url = session.post("/projects/space", json=mobility()).json()["@id"]
    response = session.patch(url, json={"end": "2027-05-08"})  # 90 days of job shadowing
    assert response.status_code == 400
    assert "Rule 'days'" in response.json()["message"]
    assert session.get(url).json()["end"] == "2027-02-09"


def _workflow(session, url, transition):
    return session.post(f"{url}/@workflow/{transition}", json={})


@pytest.mark.parametrize(
    "role,allowed",
    [
        ("founder", True),
        ("teacher", True),
        ("pupil", False),
        ("observer", False),
        ("member", False),
        ("validator", False),
    ],
)
def test_confirm_through_rest(project, session_for, role, allowed):
    make_mobility(project, TEACHER)
    transaction.commit()
    response = _workflow(session_for(ACCOUNTS[role]), "/projects/space/mobility", "confirm")
    state = session_for("manager").get("/projects/space/mobility").json()["review_state"]
    if allowed:
        assert response.status_code == 200, response.text
        assert state == "confirmed"
    else:
        assert response.status_code in (400, 401, 403, 404)
        assert state == "planned"


@pytest.mark.parametrize(
    "role,status",
    [
        ("teacher", 200),
        ("pupil", 200),
        ("observer", 200),
        ("validator", 200),
        ("other_validator", 401),
        ("member", 401),
        ("anonymous", 401),
    ],
)
def test_who_reads_a_mobility(project, session_for, role, status):
    make_mobility(project, TEACHER)
    transaction.commit()
    session = session_for("anonymous" if role == "anonymous" else ACCOUNTS[role])
    response = session.get("/projects/space/mobility")
    assert response.status_code == status or (status == 401 and response.status_code in (401, 403, 404))


def test_report_needs_a_report_through_rest(project, session_for):
    make_mobility(project, TEACHER, state="completed")
    transaction.commit()
    session = session_for(TEACHER)
    assert _workflow(session, "/projects/space/mobility", "report").status_code == 400
    assert (
        session.patch(
            "/projects/space/mobility",
            json={"report": {"data": "<p>We observed six lessons.</p>", "content-type": "text/html"}},
        ).status_code
        == 204
    )
    response = _workflow(session, "/projects/space/mobility", "report")
    assert response.status_code == 200, response.text
    assert session.get("/projects/space/mobility").json()["review_state"] == "reported"
    # Reported: frozen for the teachers.
    assert session.patch("/projects/space/mobility", json={"title": "x"}).status_code in (401, 403)
