"""Finding 6: ``pupil_of`` marks a pupil's account (made by a teacher through @pupils) and
keeps it out of teachers' groups and roles. The system sets it; no user changes it through
any door: ``@users`` PATCH or POST (administrators included), the personal-information form,
or any code running as the account itself.
"""

from collective.twinning.errors import FieldError
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roster import Roster
from plone import api
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_group
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.security.conftest import DENIED

import pytest
import re
import requests
import transaction


PUPIL, TEACHER = "pupil-gala", "teacher-ana"


@pytest.fixture
def cast(functional_portal, session_for):
    create_teacher(TEACHER, "ES")
    create_teacher("teacher-luca", "IT")
    create_validator("validator-es", "ES")
    make_space(functional_portal["projects"], TEACHER, "teacher-luca", "running")
    make_group(functional_portal["groups"], TEACHER, access="open", state="active")
    transaction.commit()
    # The pupil's account as the portal makes it: by its teacher, through @pupils.
    response = session_for(TEACHER).post(
        "/projects/space/@pupils", json={"username": PUPIL, "fullname": "Gala Ruiz", "password": PASSWORD}
    )
    assert response.status_code in (200, 201), response.text
    transaction.begin()
    return functional_portal


def pupil_of(userid: str) -> str:
    transaction.begin()  # see what the server committed
    return api.user.get(userid=userid).getProperty("pupil_of", "")


@pytest.mark.parametrize("value", ["", None, "another-space-uid"], ids=["empty", "null", "other"])
def test_pupil_cannot_unmark_itself_and_join_a_teachers_group(cast, session_for, value):
    space_uid = cast["projects"]["space"].UID()
    pupil = session_for(PUPIL)

    response = pupil.patch(f"/@users/{PUPIL}", json={"pupil_of": value})

    assert response.status_code == 400, response.text
    assert response.json()["field"] == "pupil_of"
    assert pupil_of(PUPIL) == space_uid
    joined = pupil.post("/groups/group/@join", json={})
    assert joined.status_code in (400, *DENIED), joined.text
    transaction.begin()
    assert Roster(cast["projects"]["space"]).role_of(PUPIL) == "TwinSpacePupil"


def test_the_same_value_sent_back_is_no_change(cast, session_for):
    space_uid = cast["projects"]["space"].UID()
    response = session_for(PUPIL).patch(
        f"/@users/{PUPIL}", json={"pupil_of": space_uid, "fullname": "Gala Ruiz Vidal"}
    )

    assert response.status_code == 204, response.text
    assert pupil_of(PUPIL) == space_uid
    assert api.user.get(userid=PUPIL).getProperty("fullname") == "Gala Ruiz Vidal"


# Who tries to set or change pupil_of of whom through @users PATCH -> the answer.
PATCHES = [
    ("teacher-marks-itself", TEACHER, TEACHER, "some-space-uid", 400),
    ("teacher-unmarks-its-pupil", TEACHER, PUPIL, "", DENIED),
    ("validator-unmarks-a-pupil", "validator-es", PUPIL, "", DENIED),
    ("manager-unmarks-a-pupil", "manager", PUPIL, "", 400),
    ("manager-marks-a-teacher", "manager", TEACHER, "some-space-uid", 400),
]


@pytest.mark.parametrize("who,whose,value,expected", [p[1:] for p in PATCHES], ids=[p[0] for p in PATCHES])
def test_nobody_sets_pupil_of_through_users_patch(cast, session_for, who, whose, value, expected):
    before = pupil_of(whose)

    response = session_for(who).patch(f"/@users/{whose}", json={"pupil_of": value})

    if expected == 400:
        assert response.status_code == 400, response.text
        assert response.json()["field"] == "pupil_of"
    else:
        assert response.status_code in expected, response.text
    assert pupil_of(whose) == before


@pytest.mark.parametrize("who", ["anonymous", "manager"])
def test_nobody_creates_a_pupil_account_through_users_post(cast, session_for, who):
    response = session_for(who).post(
        "/@users",
        json={
            "username": "pupil-fake",
            "email": "pupil-fake@example.org",
            "password": PASSWORD,
            "fullname": "Fake Pupil",
            "country": "ES",
            "pupil_of": cast["projects"]["space"].UID(),
        },
    )

    assert response.status_code == 400, response.text
    assert response.json()["field"] == "pupil_of"
    transaction.begin()
    assert api.user.get(userid="pupil-fake") is None


def test_nobody_creates_a_pupil_account_through_a_csv_upload(cast, session_for):
    csv = f"username,email,password,fullname,pupil_of\npupil-fake,pupil-fake@example.org,{PASSWORD},Fake,x\n"
    response = session_for("manager").post("/@users", files={"file": ("users.csv", csv, "text/csv")})

    assert response.status_code == 400, response.text
    assert response.json()["field"] == "pupil_of"
    transaction.begin()
    assert api.user.get(userid="pupil-fake") is None


def test_personal_information_form_has_no_pupil_of(cast):
    """The form lists the user schema's fields: a posted ``pupil_of`` is not one of them."""
    session = requests.Session()
    session.auth = (PUPIL, PASSWORD)
    url = f"{cast.absolute_url()}/@@personal-information"
    page = session.get(url)
    assert page.status_code == 200, page.text
    assert "pupil_of" not in page.text
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text).group(1)

    session.post(
        url,
        data={
            "_authenticator": token,
            "form.buttons.save": "Save",
            "form.widgets.fullname": "Gala Ruiz",
            "form.widgets.pupil_of": "",
        },
    )

    assert pupil_of(PUPIL) == cast["projects"]["space"].UID()


def test_no_code_running_as_the_pupil_changes_it(portal):
    """Any other door (a form, a script) ends in setMemberProperties as the pupil: refused."""
    from tests.helpers import create_pupil_account

    create_pupil_account(PUPIL)
    assert is_pupil_account(api.user.get(userid=PUPIL))
    with (
        api.env.adopt_user(username=PUPIL),
        pytest.raises(FieldError) as error,
    ):  # the request's transaction aborts
        api.user.get_current().setMemberProperties({"pupil_of": ""})
    assert error.value.field == "pupil_of"
