"""Quality Label applications through REST: eligibility and criteria (400, nothing
written), submission, and ``@evaluation`` by the right and the wrong validator."""

from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import GOOD_SCORES
from tests.helpers import make_label
from tests.helpers import submit_label
from tests.payloads import valid_payloads
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project

import pytest
import transaction


TEACHER = ACCOUNTS["teacher"]
VALIDATOR = ACCOUNTS["validator"]  # validators-ES: the teacher's country
EUROPEAN = "validator-eu-central"
URL = "/projects/space"


def build(portal, state="running"):
    space, _page, _materials = build_project(portal, state)
    create_account(EUROPEAN, "BE", roles=["EuropeanValidator"])
    return space


@pytest.fixture
def project(functional_portal):
    space = build(functional_portal)
    transaction.commit()
    return space


def application(**changes):
    payload = valid_payloads()["QualityLabel"]
    payload.update(changes)
    return payload


def labels(session) -> list[str]:
    return [i["@id"] for i in session.get(URL).json()["items"] if i["@type"] == "QualityLabel"]


def test_a_teacher_applies(project, session_for):
    session = session_for(TEACHER)
    response = session.post(URL, json=application())
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["applicant"], body["review_state"]) == (TEACHER, "draft")
    assert body["applicant_country"]["token"] == "ES"


@pytest.mark.parametrize(
    "role,changes,rule",
    [
        ("manager", {"applicant": ACCOUNTS["pupiladmin"]}, "applicant_role"),
        ("founder", {"applicant": TEACHER}, "applicant"),
        ("teacher", {"level": "european"}, "national_labels"),
    ],
)
def test_refused_with_the_reason(project, session_for, role, changes, rule):
    session = session_for(ACCOUNTS[role])
    before = labels(session_for("manager"))
    response = session.post(URL, json=application(**changes))
    assert response.status_code == 400, response.text
    assert f"Rule '{rule}'" in response.json()["message"]
    assert labels(session_for("manager")) == before


def test_second_application_of_a_level_refused(project, session_for):
    session = session_for(TEACHER)
    assert session.post(URL, json=application()).status_code == 201
    response = session.post(URL, json=application(title="Again"))
    assert response.status_code == 400
    assert "Rule 'one_per_level'" in response.json()["message"]
    assert len(labels(session)) == 1


@pytest.mark.parametrize("state", ["validated", "archived"])
def test_project_not_yet_or_no_longer_labellable(functional_portal, session_for, state):
    build(functional_portal, state)
    transaction.commit()
    response = session_for("manager").post(URL, json=application(applicant=TEACHER))
    assert response.status_code == 400
    assert "Rule 'project_state'" in response.json()["message"]


@pytest.mark.parametrize("length,status", [(149, 400), (150, 201), (2000, 201), (2001, 400)])
def test_criterion_length(project, session_for, length, status):
    response = session_for(TEACHER).post(URL, json=application(collaboration="x" * length))
    assert response.status_code == status, response.text
    if status == 400:
        assert "collaboration" in response.json()["message"]


def test_the_applicant_submits(project, session_for):
    make_label(project, TEACHER, id_="label")
    transaction.commit()
    assert session_for(ACCOUNTS["founder"]).post(f"{URL}/label/@workflow/submit").status_code in (
        400,
        401,
        403,
    )
    response = session_for(TEACHER).post(f"{URL}/label/@workflow/submit")
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "submitted"


@pytest.fixture
def submitted(project):
    label = submit_label(make_label(project, TEACHER, id_="label"))
    transaction.commit()
    return label


DECISION = {"scores": GOOD_SCORES, "comment": "Pupils lead the work.", "decision": "award"}


def test_the_right_validator_awards(submitted, session_for):
    response = session_for(VALIDATOR).post(f"{URL}/label/@evaluation", json=DECISION)
    assert response.status_code == 200, response.text
    assert response.json()["state"] == "awarded"
    manager = session_for("manager")
    assert manager.get(URL).json()["review_state"] == "labelled"
    # Public now; the scores stay for the applicant and the validators.
    assert session_for("anonymous").get(f"{URL}/label").status_code == 200
    assert session_for("anonymous").get(f"{URL}/label/@evaluation").status_code in (401, 403)
    mine = session_for(TEACHER).get(f"{URL}/label/@evaluation")
    assert mine.status_code == 200
    assert mine.json()["evaluation"]["scores"] == GOOD_SCORES


@pytest.mark.parametrize(
    "who,statuses",
    [
        ("other_validator", (401, 403)),  # cannot even get at the evaluation
        (EUROPEAN, (403,)),  # sees it, but national labels are not theirs
        ("teacher", (401, 403)),
        ("founder", (401, 403)),
    ],
)
def test_the_wrong_validator_is_refused(submitted, session_for, who, statuses):
    response = session_for(ACCOUNTS.get(who, who)).post(f"{URL}/label/@evaluation", json=DECISION)
    assert response.status_code in statuses, response.text
    label = session_for("manager").get(f"{URL}/label").json()
    assert label["review_state"] == "submitted"
    assert session_for("manager").get(URL).json()["review_state"] == "running"


def test_award_refused_below_five(submitted, session_for):
    session = session_for(VALIDATOR)
    response = session.post(
        f"{URL}/label/@evaluation", json={**DECISION, "scores": {**GOOD_SCORES, "use_of_technology": 4}}
    )
    assert response.status_code == 400
    assert response.json()["field"] == "scores.use_of_technology"
    assert session.get(f"{URL}/label/@evaluation").json()["evaluation"] is None


def test_award_through_workflow_after_evaluation(submitted, session_for):
    session = session_for(VALIDATOR)
    assert session.post(f"{URL}/label/@workflow/award").status_code == 400  # not scored yet
    evaluation = {"scores": GOOD_SCORES, "comment": "Good."}
    assert session.post(f"{URL}/label/@evaluation", json=evaluation).json()["state"] == "submitted"
    response = session.post(f"{URL}/label/@workflow/award")
    assert response.status_code == 200, response.text
    assert session_for("manager").get(URL).json()["review_state"] == "labelled"


def test_reject_through_rest(submitted, session_for):
    response = session_for(VALIDATOR).post(
        f"{URL}/label/@evaluation",
        json={**DECISION, "decision": "reject", "comment": "Too little collaboration."},
    )
    assert response.status_code == 200
    assert response.json()["state"] == "rejected"
    assert session_for("manager").get(URL).json()["review_state"] == "running"


def test_european_label_by_the_european_validator(project, session_for):
    bring_label_to(make_label(project, TEACHER), "awarded", VALIDATOR)
    from tests.helpers import create_validator

    create_validator("validator-it", "IT")
    bring_label_to(make_label(project, "cofounder-ivo"), "awarded", "validator-it")
    submit_label(make_label(project, ACCOUNTS["founder"], level="european", id_="european"))
    transaction.commit()
    assert session_for(VALIDATOR).post(f"{URL}/european/@evaluation", json=DECISION).status_code == 403
    response = session_for(EUROPEAN).post(f"{URL}/european/@evaluation", json=DECISION)
    assert response.status_code == 200, response.text
    assert session_for("manager").get(f"{URL}/european").json()["review_state"] == "awarded"


def test_the_site_administrator_may_decide(submitted, session_for):
    response = session_for("manager").post(f"{URL}/label/@evaluation", json=DECISION)
    assert response.status_code == 200, response.text
    assert response.json()["state"] == "awarded"


def test_the_applicant_cannot_be_changed_by_a_teacher(project, session_for):
    make_label(project, TEACHER, id_="label")
    transaction.commit()
    response = session_for(TEACHER).patch(f"{URL}/label", json={"applicant": ACCOUNTS["founder"]})
    assert response.status_code == 400
    assert "Rule 'applicant'" in response.json()["message"]
    assert session_for(TEACHER).get(f"{URL}/label").json()["applicant"] == TEACHER
    # Another field is an edit like any other, also by the project's creator.
    response = session_for(ACCOUNTS["founder"]).patch(f"{URL}/label", json={"title": "Our application"})
    assert response.status_code == 204, response.text
