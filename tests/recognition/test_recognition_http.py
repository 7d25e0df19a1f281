"""Recognition over HTTP as tables (role x action): deciding a School label application,
naming ambassadors; the eligibility of a school for anyone."""

from collective.twinning.directory.profiles import get_profile
from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.recognition.conftest import apply
from tests.recognition.conftest import EUROPEAN
from tests.recognition.conftest import GOOD
from tests.recognition.conftest import make_call
from tests.recognition.conftest import VALIDATOR_ES
from tests.recognition.conftest import VALIDATOR_IT

import pytest
import transaction


DENIED = (401, 403)
JSON = {"Accept": "application/json"}


@pytest.fixture
def portal(functional_portal):
    """The recognition fixtures (conftest) on the functional portal, so HTTP sees them."""
    return functional_portal


@pytest.fixture
def submitted(portal, school):
    create_pupil_account("pupil-gala")
    application = apply(make_call(portal), school)
    transaction.commit()
    return application


def status_in(response, expected):
    return (
        response.status_code in expected if isinstance(expected, tuple) else response.status_code == expected
    )


# Who decides a submitted application (POST @evaluation with an award).
DECIDERS = {
    VALIDATOR_ES: 200,  # a national validator of the school's country
    VALIDATOR_IT: DENIED,  # another country's validator
    EUROPEAN: DENIED,  # the European service does not decide national matters
    "teacher-ana": DENIED,  # the applicant scoring her own school
    "teacher-pablo": DENIED,  # a colleague of the same school
    "pupil-gala": DENIED,
    "anonymous": DENIED,
}


@pytest.mark.parametrize("who,expected", DECIDERS.items())
def test_who_decides_a_school_label(submitted, session_for, who, expected):
    response = session_for(who).post(
        f"{submitted.absolute_url()}/@evaluation",
        headers=JSON,
        json={"scores": GOOD, "comment": "Well done.", "decision": "award"},
    )
    assert status_in(response, expected), response.text
    transaction.begin()
    state = api.content.get_state(obj=submitted)
    assert state == ("awarded" if expected == 200 else "submitted")


def test_eligibility_is_public_and_names_no_one(portal, school, session_for):
    transaction.commit()
    response = session_for("anonymous").get(f"{school.absolute_url()}/@school-label", headers=JSON)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["eligible"] is True and body["reasons"] == []
    assert "teacher-ana" not in response.text and "@" not in response.text.replace("@id", "").replace(
        "@school-label", ""
    )


# Who names an ambassador (POST /@ambassadors for a Spanish teacher).
NAMERS = {
    VALIDATOR_ES: 201,
    "manager": 201,
    VALIDATOR_IT: DENIED,  # a validator of another country
    "teacher-pablo": DENIED,
    "teacher-ana": DENIED,  # naming herself
    "pupil-gala": DENIED,
    "anonymous": DENIED,
}


@pytest.mark.parametrize("who,expected", NAMERS.items())
def test_who_names_an_ambassador(portal, school, session_for, who, expected):
    create_pupil_account("pupil-gala")
    transaction.commit()
    response = session_for(who).post(
        f"{portal.absolute_url()}/@ambassadors", headers=JSON, json={"user": "teacher-ana"}
    )
    assert status_in(response, expected), response.text
    transaction.begin()
    assert ("Ambassador" in api.user.get_roles(username="teacher-ana")) is (expected == 201)
    assert get_profile("teacher-ana").ambassador is (expected == 201)  # one truth: the role


def test_a_pupil_is_never_an_ambassador(portal, school, session_for):
    create_pupil_account("pupil-gala")
    create_account("pupil-es", "ES").setMemberProperties({"pupil_of": "some-space-uid"})
    transaction.commit()
    response = session_for(VALIDATOR_ES).post(
        f"{portal.absolute_url()}/@ambassadors", headers=JSON, json={"user": "pupil-es"}
    )
    assert response.status_code == 400 and response.json().get("field") == "user", response.text
