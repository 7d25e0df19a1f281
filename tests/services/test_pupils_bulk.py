"""``POST @pupils {"pupils": [...]}``: a class at once, all or nothing, passwords made when missing."""

from collective.twinning.membership.pupils import MAX_PUPILS_AT_ONCE
from collective.twinning.membership.roster import Roster
from plone import api
from tests.helpers import PASSWORD
from tests.services.test_members import build_space
from tests.services.test_members import SPACE
from tests.services.test_pupils import pupils_of

import pytest
import transaction


@pytest.fixture
def space(functional_portal):
    return build_space(functional_portal)


def a_class(size: int, **extra) -> list[dict]:
    return [
        {"username": f"pupil-class-{n:02d}", "fullname": f"Pupil {n} Class", **extra} for n in range(size)
    ]


def test_thirty_pupils_at_once_with_generated_passwords(functional_portal, space, session):
    before = pupils_of(functional_portal)

    response = session("teacher-ana").post(f"{SPACE}/@pupils", json={"pupils": a_class(30)})

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["items_total"] == 30
    assert [item["id"] for item in body["items"]] == [p["username"] for p in a_class(30)]
    passwords = {item["id"]: item["password"] for item in body["items"]}
    assert len(set(passwords.values())) == 30
    assert pupils_of(functional_portal) == before | set(passwords)
    # each generated password works, and is not kept anywhere to be shown again
    first = body["items"][0]
    login = session("anonymous").post("/@login", json={"login": first["id"], "password": first["password"]})
    assert login.status_code == 200, login.text
    listed = session("teacher-ana").get(f"{SPACE}/@pupils").json()
    assert all("password" not in item for item in listed["items"])


def test_a_given_password_is_kept_and_not_returned(functional_portal, space, session):
    response = session("teacher-ana").post(
        f"{SPACE}/@pupils",
        json={"pupils": [{"username": "pupil-nico", "fullname": "Nico Costa", "password": PASSWORD}]},
    )

    assert response.status_code == 201, response.text
    assert response.json()["items"] == [{"id": "pupil-nico", "fullname": "Nico Costa"}]
    assert session("pupil-nico").get(SPACE).status_code == 200


# (case id, pupils, the field named): nothing is created
BAD = [
    ("not-a-list", {"username": "pupil-x"}, "pupils"),
    ("empty", [], "pupils"),
    ("too-many", a_class(MAX_PUPILS_AT_ONCE + 1), "pupils"),
    ("not-an-object", [*a_class(2), "pupil-x"], "pupils[2]"),
    ("third-has-no-name", [*a_class(2), {"username": "pupil-x"}], "pupils[2].fullname"),
    (
        "taken-in-the-middle",
        [*a_class(2), {"username": "teacher-dan", "fullname": "T"}, *a_class(3)[2:]],
        "pupils[2].username",
    ),
    (
        "twice-in-the-list",
        [*a_class(2), {"username": "PUPIL-CLASS-00", "fullname": "Again"}],
        "pupils[2].username",
    ),
    ("reserved", [{"username": "validators-ES", "fullname": "M"}], "pupils[0].username"),
    ("short-password", [{"username": "pupil-x", "fullname": "X", "password": "abc"}], "pupils[0].password"),
]


@pytest.mark.parametrize("pupils,field", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_class_creates_nobody(functional_portal, space, session, pupils, field):
    before = pupils_of(functional_portal)
    users = {user.getId() for user in api.user.get_users()}

    response = session("teacher-ana").post(f"{SPACE}/@pupils", json={"pupils": pupils})

    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
    transaction.begin()
    assert pupils_of(functional_portal) == before
    assert {user.getId() for user in api.user.get_users()} == users


def test_a_failure_after_the_checks_leaves_nothing(functional_portal, space, session, monkeypatch):
    """All or nothing also when something breaks while creating (the transaction aborts)."""
    from collective.twinning.membership import pupils as module

    made = []
    original = module._make

    def failing(space, username, fullname, password):
        if len(made) == 5:
            raise RuntimeError("disk full")
        made.append(username)
        original(space, username, fullname, password)

    monkeypatch.setattr(module, "_make", failing)
    before = pupils_of(functional_portal)

    response = session("teacher-ana").post(f"{SPACE}/@pupils", json={"pupils": a_class(10)})

    assert response.status_code == 500
    assert len(made) == 5
    assert pupils_of(functional_portal) == before
    transaction.begin()
    assert api.user.get(userid="pupil-class-00") is None
    assert Roster(functional_portal["projects"]["space"]).role_of("pupil-class-00") is None
