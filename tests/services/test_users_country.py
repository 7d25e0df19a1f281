"""The ``country`` member property through @users: checked, required at self-registration."""

from plone import api
from tests.helpers import create_account
from tests.helpers import PASSWORD

import pytest
import transaction


def new_user(userid: str, **extra) -> dict:
    return {
        "username": userid,
        "email": f"{userid}@example.org",
        "password": PASSWORD,
        "fullname": userid.replace("-", " ").title(),
        **extra,
    }


def country_of(userid: str):
    transaction.begin()  # see what the server committed
    user = api.user.get(userid=userid)
    return None if user is None else user.getProperty("country")


def exists(userid: str) -> bool:
    transaction.begin()
    return api.user.get(userid=userid) is not None


BAD_COUNTRIES = [
    ("unknown-code", "XX"),
    ("lower-case", "es"),
    ("alpha-3", "ESP"),
    ("country-name", "Spain"),
    ("number", 34),
    ("list", ["ES"]),
    ("object", {"code": "ES"}),
]


@pytest.mark.parametrize("country", [c[1] for c in BAD_COUNTRIES], ids=[c[0] for c in BAD_COUNTRIES])
@pytest.mark.parametrize("who", ["anonymous", "manager"])
def test_post_unknown_country(functional_portal, request_factory, who, country):
    session = request_factory(role="Manager" if who == "manager" else "Anonymous")

    response = session.post("/@users", json=new_user("teacher-nuria", country=country))

    assert response.status_code == 400, response.text
    assert "country" in response.json()["message"]
    assert not exists("teacher-nuria")


@pytest.mark.parametrize("extra", [{}, {"country": ""}, {"country": None}], ids=["missing", "empty", "null"])
def test_self_registration_requires_country(functional_portal, anon_request, extra):
    response = anon_request.post("/@users", json=new_user("teacher-nuria", **extra))

    assert response.status_code == 400, response.text
    assert "country" in response.json()["message"]
    assert not exists("teacher-nuria")


@pytest.mark.parametrize("who", ["anonymous", "manager"])
def test_post_valid_country_is_stored(functional_portal, request_factory, who):
    session = request_factory(role="Manager" if who == "manager" else "Anonymous")

    response = session.post("/@users", json=new_user("teacher-nuria", country="IT"))

    assert response.status_code == 201, response.text
    assert country_of("teacher-nuria") == "IT"


def test_administrator_may_create_an_account_without_country(functional_portal, manager_request):
    response = manager_request.post("/@users", json=new_user("central-eva"))

    assert response.status_code == 201, response.text
    assert exists("central-eva")


def test_self_registration_cannot_choose_roles(functional_portal, anon_request):
    response = anon_request.post("/@users", json=new_user("teacher-nuria", country="ES", roles=["Teacher"]))

    assert response.status_code == 400, response.text
    assert not exists("teacher-nuria")


@pytest.fixture
def nuria(functional_portal):
    create_account("teacher-nuria", "ES")
    transaction.commit()


@pytest.fixture
def sessions(request_factory):
    return {
        "manager": request_factory(role="Manager"),
        "self": request_factory(basic_auth=("teacher-nuria", PASSWORD)),
    }


@pytest.mark.parametrize("country", [c[1] for c in BAD_COUNTRIES], ids=[c[0] for c in BAD_COUNTRIES])
@pytest.mark.parametrize("who", ["manager", "self"])
def test_patch_unknown_country_changes_nothing(nuria, sessions, who, country):
    response = sessions[who].patch(
        "/@users/teacher-nuria", json={"country": country, "fullname": "Nuria Changed"}
    )

    assert response.status_code == 400, response.text
    assert "country" in response.json()["message"]
    assert country_of("teacher-nuria") == "ES"
    assert api.user.get(userid="teacher-nuria").getProperty("fullname") == "Teacher Nuria"


@pytest.mark.parametrize("country", ["", None], ids=["empty", "null"])
def test_patch_cannot_clear_country(nuria, sessions, country):
    response = sessions["self"].patch("/@users/teacher-nuria", json={"country": country})

    assert response.status_code == 400, response.text
    assert "country" in response.json()["message"]
    assert country_of("teacher-nuria") == "ES"


@pytest.mark.parametrize("who,status,stored", [("manager", 204, "PT"), ("self", 400, "ES")])
def test_patch_valid_country_is_stored_by_an_administrator(nuria, sessions, who, status, stored):
    """Nobody changes their own country after registration (tests/security/test_country.py)."""
    response = sessions[who].patch("/@users/teacher-nuria", json={"country": "PT"})

    assert response.status_code == status, response.text
    assert country_of("teacher-nuria") == stored


def test_patch_without_country_keeps_it(nuria, sessions):
    response = sessions["self"].patch("/@users/teacher-nuria", json={"fullname": "Nuria Vidal"})

    assert response.status_code == 204, response.text
    assert country_of("teacher-nuria") == "ES"
    assert api.user.get(userid="teacher-nuria").getProperty("fullname") == "Nuria Vidal"


# Found by the fuzzer (make fuzz): plone.restapi answered 500 to these bodies.
NOT_OBJECTS = [("empty", b""), ("number", b"-778"), ("list", b"[]"), ("not-json", b"{"), ("latin-1", b"\xff")]


@pytest.mark.parametrize("body", [b[1] for b in NOT_OBJECTS], ids=[b[0] for b in NOT_OBJECTS])
@pytest.mark.parametrize("who", ["manager", "self"])
def test_patch_body_must_be_an_object(nuria, sessions, who, body):
    response = sessions[who].patch(
        "/@users/teacher-nuria", data=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400, response.text
    assert response.json()["message"] == "The body must be a JSON object."
    assert country_of("teacher-nuria") == "ES"


@pytest.mark.parametrize("body", [b[1] for b in NOT_OBJECTS], ids=[b[0] for b in NOT_OBJECTS])
@pytest.mark.parametrize("who", ["manager", "anonymous"])
def test_post_body_must_be_an_object(functional_portal, request_factory, who, body):
    session = request_factory(role="Manager" if who == "manager" else "Anonymous")
    response = session.post("/@users", data=body, headers={"Content-Type": "application/json"})

    assert response.status_code == 400, response.text
    assert response.json()["message"] == "The body must be a JSON object."


@pytest.mark.parametrize("path", ["/@users/teacher-nuria", "/@users/teacher-nuria/other", "/@users/a/b/c"])
def test_post_to_an_unknown_users_path_is_400(nuria, request_factory, path):
    response = request_factory(role="Manager").post(path, json=new_user("teacher-pablo", country="ES"))

    assert response.status_code == 400, response.text
    body = response.json()
    assert (body["field"], body["message"]) == ("path", f"Unknown path: {path.removeprefix('/@users/')}.")
    assert not exists("teacher-pablo")


def test_anonymous_password_reset_needs_no_country(nuria, anon_request):
    """plone.restapi's reset-password (an empty POST) is not a registration."""
    response = anon_request.post("/@users/teacher-nuria/reset-password")

    assert response.status_code == 204, response.text  # the same for any login (accounts/password_reset.py)


@pytest.mark.parametrize("path", ["/@users", "/@users/teacher-nuria/other"])
def test_patch_to_an_unknown_users_path_is_400(nuria, sessions, path):
    response = sessions["manager"].patch(path, json={"fullname": "Someone"})

    assert response.status_code == 400, response.text


@pytest.mark.parametrize("who,status", [("manager", (404,)), ("self", (401, 403))])
def test_patch_of_a_missing_account(nuria, sessions, who, status):
    """An administrator learns it is missing; anyone else gets the answer of an account
    they may not change (no way to tell accounts that exist)."""
    response = sessions[who].patch("/@users/nobody-here", json={"fullname": "Someone"})

    assert response.status_code in status, response.text
