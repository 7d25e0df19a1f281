"""@audit: who reads a place's audit log, and what it records (roster, pupils,
validation decisions, transitions, label decisions)."""

from collective.twinning.membership.roster import GroupRoster
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import GOOD_SCORES
from tests.helpers import make_group
from tests.helpers import make_label
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.helpers import submit_label

import pytest
import transaction


DENIED = (401, 403)


@pytest.fixture
def people(functional_portal):
    create_teacher("teacher-ana", "ES")  # creator
    create_teacher("teacher-luca", "IT")  # partner founder
    create_teacher("teacher-jon", "ES")  # member
    create_teacher("teacher-olaf", "ES")  # outsider
    create_validator("validator-es", "ES")
    create_validator("validator-it", "IT")
    create_validator("validator-fr", "FR")
    create_account("central-eva", "BE", roles=["EuropeanValidator"])
    create_pupil_account("pupil-gala")
    transaction.commit()


@pytest.fixture
def space(functional_portal, people):
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", "pending")
    Roster(space).set("teacher-jon", "TwinSpaceTeacher")
    Roster(space).set("pupil-gala", "TwinSpacePupil")
    transaction.commit()
    return space


SPACE_READERS = {
    "teacher-ana": 200,  # founder: TwinSpaceAdmin
    "teacher-luca": 200,  # partner founder: TwinSpaceAdmin
    "validator-es": 200,  # Reviewer: a validator of the project's countries
    "validator-it": 200,
    "manager": 200,
    "teacher-jon": DENIED,  # TwinSpaceTeacher
    "pupil-gala": DENIED,  # TwinSpacePupil
    "validator-fr": DENIED,  # another country's validator
    "central-eva": DENIED,  # European validator: not this project's validator
    "teacher-olaf": DENIED,
    "anonymous": DENIED,
}


@pytest.mark.parametrize("userid,expected", SPACE_READERS.items(), ids=list(SPACE_READERS))
def test_who_reads_a_space_log(space, session_for, userid, expected):
    response = session_for(userid).get("/projects/space/@audit")
    if expected == DENIED:
        assert response.status_code in DENIED, response.text
    else:
        assert response.status_code == 200, response.text
        assert response.json()["items_total"] >= 3


GROUP_READERS = {
    "teacher-ana": 200,  # creator: GroupAdmin
    "validator-es": 200,  # validator of the creator's country
    "manager": 200,
    "teacher-jon": DENIED,  # GroupMember
    "validator-fr": DENIED,
    "teacher-olaf": DENIED,
    "anonymous": DENIED,
}


@pytest.mark.parametrize("userid,expected", GROUP_READERS.items(), ids=list(GROUP_READERS))
def test_who_reads_a_group_log(functional_portal, people, session_for, userid, expected):
    group = make_group(functional_portal["groups"], "teacher-ana", "open", "active")
    GroupRoster(group).set("teacher-jon", "GroupMember")
    transaction.commit()
    response = session_for(userid).get("/groups/group/@audit")
    if expected == DENIED:
        assert response.status_code in DENIED, response.text
    else:
        assert response.status_code == 200, response.text
        assert [(e["what"], e["target"]) for e in response.json()["items"]][:2] == [
            ("member_added", "teacher-jon"),
            ("transition", None),
        ]


def log(session, path="/projects/space") -> list[dict]:
    response = session.get(f"{path}/@audit", params={"b_size": 100})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_roster_and_pupil_changes_are_recorded(space, session_for):
    with as_system("teacher-ana"):  # pupils are made in a running project
        for transition in ("validate", "start"):
            api.content.transition(obj=space, transition=transition)
    transaction.commit()
    ana = session_for("teacher-ana")
    assert (
        ana.post(
            "/projects/space/@members", json={"user": "teacher-olaf", "role": "TwinSpaceObserver"}
        ).status_code
        == 201
    )
    assert (
        ana.patch("/projects/space/@members/teacher-olaf", json={"role": "TwinSpaceTeacher"}).status_code
        == 200
    )
    assert ana.delete("/projects/space/@members/teacher-olaf").status_code == 204
    assert (
        ana.post(
            "/projects/space/@pupils",
            json={"username": "pupil-nora", "fullname": "Nora P", "password": PASSWORD},
        ).status_code
        == 201
    )
    assert ana.delete("/projects/space/@pupils/pupil-nora").status_code == 204

    newest = [(e["who"], e["what"], e["target"], e.get("role"), e.get("previous_role")) for e in log(ana)][:6]

    assert newest == [
        ("teacher-ana", "member_removed", "pupil-nora", None, "TwinSpacePupil"),
        ("teacher-ana", "pupil_deleted", "pupil-nora", None, None),
        ("teacher-ana", "pupil_created", "pupil-nora", "TwinSpacePupil", None),
        ("teacher-ana", "member_removed", "teacher-olaf", None, "TwinSpaceTeacher"),
        ("teacher-ana", "role_changed", "teacher-olaf", "TwinSpaceTeacher", "TwinSpaceObserver"),
        ("teacher-ana", "member_added", "teacher-olaf", "TwinSpaceObserver", None),
    ]


def test_validation_decisions_and_transitions_are_recorded(space, session_for):
    for userid in ("teacher-luca", "validator-es"):
        response = session_for(userid).post(
            "/projects/space/@validation", json={"decision": "approve", "comment": f"fine for {userid}"}
        )
        assert response.status_code == 200, response.text
    response = session_for("validator-it").post(
        "/projects/space/@validation", json={"decision": "reject", "comment": "No pupils' ages given."}
    )
    assert response.status_code == 200, response.text

    entries = log(session_for("validator-es"))
    newest = [(e["who"], e["what"], e["target"], e["comment"], e.get("to_state")) for e in entries][:4]
    assert newest == [
        ("validator-it", "transition", None, "Rejected by validator-it: No pupils' ages given.", "draft"),
        ("validator-it", "validation_reject", "national:IT", "No pupils' ages given.", None),
        ("validator-es", "validation_approve", "national:ES", "fine for validator-es", None),
        ("teacher-luca", "validation_approve", "partner:teacher-luca", "fine for teacher-luca", None),
    ]
    when = [e["when"] for e in entries]
    assert when == sorted(when, reverse=True)  # newest first
    assert all(w.endswith("+00:00") for w in when)


def test_label_decisions_are_recorded_with_their_scores(functional_portal, people, session_for):
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", "running")
    label = submit_label(make_label(space, "teacher-ana"))
    transaction.commit()

    response = session_for("validator-es").post(
        f"/projects/space/{label.getId()}/@evaluation",
        json={"scores": GOOD_SCORES, "comment": "Well documented.", "decision": "award"},
    )
    assert response.status_code == 200, response.text

    entries = log(session_for("teacher-luca"))
    by_what = {e["what"]: e for e in entries}
    awarded = by_what["label_award"]
    assert (awarded["who"], awarded["target"], awarded["comment"]) == (
        "validator-es",
        label.UID(),
        "Well documented.",
    )
    assert (awarded["applicant"], awarded["level"]) == ("teacher-ana", "national")
    assert awarded["scores"] == GOOD_SCORES
    assert (awarded["score_total"], awarded["score_max"]) == (sum(GOOD_SCORES.values()), 50)
    assert by_what["label_evaluated"]["score_total"] == sum(GOOD_SCORES.values())
    # The project moved to labelled: its own transition is in the log too.
    assert any(e["what"] == "transition" and e["to_state"] == "labelled" for e in entries)


def test_batches(space, session_for):
    session = session_for("teacher-ana")
    everything = log(session)
    assert len(everything) == 3  # submitted, two members added
    body = session.get("/projects/space/@audit", params={"b_size": 2}).json()
    assert body["items"] == everything[:2]
    assert body["items_total"] == 3
    assert "next" in body["batching"]
    body = session.get("/projects/space/@audit", params={"b_size": 2, "b_start": 2}).json()
    assert body["items"] == everything[2:]
    assert "next" not in body["batching"]


@pytest.mark.parametrize(
    "params,name",
    [({"b_size": "many"}, "b_size"), ({"b_start": -1}, "b_start"), ({"b_size": 100000}, "b_size")],
)
def test_bad_batch_parameters(space, session_for, params, name):
    response = session_for("teacher-ana").get("/projects/space/@audit", params=params)
    assert response.status_code == 400
    assert name in response.json()["message"]


def test_history_is_still_plone_restapi_s(space, session_for):
    """@audit does not shadow plone.restapi's @history (versions, workflow) on spaces."""
    response = session_for("teacher-ana").get("/projects/space/@history")
    assert response.status_code == 200, response.text
    assert isinstance(response.json(), list)
    assert any(item.get("action") == "Submit" or item.get("transition_title") for item in response.json())
