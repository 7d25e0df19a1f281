"""Finding 10: an account's ``country`` decides which national service validates it and
sees its projects, so nobody changes their own after registration.

Only administrators change the country of a validator, a validated teacher or a plain
member; a national validator may move a pending account of its own country (it registered
in the wrong one). Every change is audited on the portal (``GET @audit``, administrators).
"""

from collective.twinning.audit import entries
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.security.conftest import DENIED

import pytest
import re
import requests
import transaction


PENDING, TEACHER, MEMBER = "pending-pia", "teacher-ana", "member-nora"
VALIDATOR_ES, VALIDATOR_IT = "validator-es", "validator-it"
EUROPEAN, SITE_ADMIN = "central-eva", "agency-admin"


@pytest.fixture
def cast(functional_portal, anon_request):
    create_teacher(TEACHER, "ES")
    create_teacher("teacher-luca", "IT")
    create_account(MEMBER, "ES")  # no request (decided or never made), no role
    create_validator(VALIDATOR_ES, "ES")
    create_validator(VALIDATOR_IT, "IT")
    create_validator("validator-fr", "FR")
    create_account(EUROPEAN, "BE", roles=["EuropeanValidator"])
    create_account(SITE_ADMIN, "ES", roles=["Site Administrator"])
    transaction.commit()
    # Self-registered, as the portal makes them: pending for the national service of ES.
    response = anon_request.post(
        "/@users",
        json={
            "username": PENDING,
            "email": f"{PENDING}@example.org",
            "password": PASSWORD,
            "fullname": "Pending Pia",
            "country": "ES",
        },
    )
    assert response.status_code == 201, response.text
    return functional_portal


def country_of(userid: str):
    transaction.begin()  # see what the server committed
    return api.user.get(userid=userid).getProperty("country")


def country_changes(portal) -> list[dict]:
    transaction.begin()
    return [entry for entry in entries(portal) if entry["what"] == "country_changed"]


# who changes whose country (from ES to PT) -> allowed, or the answer that refuses it.
# 400 (naming country): the account is yours, the country is not yours to change;
# 403: the account is not yours to change at all.
TABLE = [
    ("self-pending", PENDING, PENDING, 400),
    ("self-validated-teacher", TEACHER, TEACHER, 400),
    ("self-plain-member", MEMBER, MEMBER, 400),
    ("self-validator", VALIDATOR_ES, VALIDATOR_ES, 400),
    ("validator-same-country-pending", VALIDATOR_ES, PENDING, "allowed"),
    ("validator-other-country-pending", VALIDATOR_IT, PENDING, 403),
    ("validator-same-country-validated-teacher", VALIDATOR_ES, TEACHER, 403),
    ("validator-same-country-plain-member", VALIDATOR_ES, MEMBER, 403),
    ("validator-other-validator", VALIDATOR_IT, VALIDATOR_ES, 403),
    ("european-validator-pending", EUROPEAN, PENDING, 403),
    ("teacher-pending", TEACHER, PENDING, 403),
    ("anonymous-pending", "anonymous", PENDING, DENIED),
    ("manager-pending", "manager", PENDING, "allowed"),
    ("manager-validated-teacher", "manager", TEACHER, "allowed"),
    ("manager-plain-member", "manager", MEMBER, "allowed"),
    ("manager-validator", "manager", VALIDATOR_ES, "allowed"),
    ("site-administrator-validated-teacher", SITE_ADMIN, TEACHER, "allowed"),
    ("site-administrator-validator", SITE_ADMIN, VALIDATOR_ES, "allowed"),
]


@pytest.mark.parametrize("who,whose,expected", [row[1:] for row in TABLE], ids=[row[0] for row in TABLE])
def test_who_changes_a_country(cast, session_for, who, whose, expected):
    response = session_for(who).patch(f"/@users/{whose}", json={"country": "PT"})

    changes = country_changes(cast)
    if expected == "allowed":
        assert response.status_code == 204, response.text
        assert country_of(whose) == "PT"
        [change] = changes
        actor = "admin" if who == "manager" else who  # the site owner's id
        assert (change["who"], change["target"]) == (actor, whose)
        assert (change["from_country"], change["to_country"]) == ("ES", "PT")
        assert change["when"]
    else:
        assert response.status_code in (expected if isinstance(expected, tuple) else (expected,)), (
            response.text
        )
        if expected == 400:
            assert response.json()["field"] == "country"
        assert country_of(whose) == "ES"
        assert changes == []


def test_validated_teacher_cannot_take_its_projects_to_another_country(cast, session_for):
    """The attack: a validated teacher moves to FR; its running project would follow on its
    next edit and FR's validators would gain rights over it."""
    make_space(cast["projects"], TEACHER, "teacher-luca", "running")
    transaction.commit()
    session = session_for(TEACHER)

    response = session.patch(f"/@users/{TEACHER}", json={"country": "FR"})
    assert response.status_code == 400, response.text
    assert response.json()["field"] == "country"
    assert session.patch("/projects/space", json={"title": "Renamed"}).status_code == 204

    assert country_of(TEACHER) == "ES"
    assert cast["projects"]["space"].countries == ("ES", "IT")
    # FR's validators gained no rights over it (the audit log is for its validators).
    assert session_for("validator-fr").get("/projects/space/@audit").status_code in DENIED


def test_pending_account_cannot_move_itself_to_another_queue(cast, session_for):
    response = session_for(PENDING).patch(f"/@users/{PENDING}", json={"country": "IT"})

    assert response.status_code == 400, response.text
    queue_it = session_for(VALIDATOR_IT).get("/@teacher-requests").json()
    queue_es = session_for(VALIDATOR_ES).get("/@teacher-requests").json()
    assert PENDING not in [item["id"] for item in queue_it["items"]]
    assert PENDING in [item["id"] for item in queue_es["items"]]


def test_validator_moves_a_pending_account_to_the_right_queue(cast, session_for):
    response = session_for(VALIDATOR_ES).patch(f"/@users/{PENDING}", json={"country": "IT"})

    assert response.status_code == 204, response.text
    queue_it = session_for(VALIDATOR_IT).get("/@teacher-requests").json()
    assert PENDING in [item["id"] for item in queue_it["items"]]


def test_validator_changes_nothing_else_of_a_pending_account(cast, session_for):
    response = session_for(VALIDATOR_ES).patch(
        f"/@users/{PENDING}", json={"country": "IT", "fullname": "Someone Else"}
    )

    assert response.status_code == 403, response.text
    assert country_of(PENDING) == "ES"
    assert api.user.get(userid=PENDING).getProperty("fullname") == "Pending Pia"


def test_unchanged_country_in_a_body_is_no_change(cast, session_for):
    """Clients send the whole form back: the same country with other changes is fine."""
    response = session_for(TEACHER).patch(
        f"/@users/{TEACHER}", json={"country": "ES", "fullname": "Ana Vidal"}
    )

    assert response.status_code == 204, response.text
    assert country_changes(cast) == []
    assert api.user.get(userid=TEACHER).getProperty("fullname") == "Ana Vidal"


@pytest.mark.parametrize(
    "who,status",
    [("manager", 200), (SITE_ADMIN, 200), (VALIDATOR_ES, DENIED), (TEACHER, DENIED), ("anonymous", DENIED)],
)
def test_the_portal_audit_log_is_for_administrators(cast, session_for, who, status):
    assert session_for("manager").patch(f"/@users/{TEACHER}", json={"country": "PT"}).status_code == 204

    response = session_for(who).get("/@audit")

    if status == 200:
        assert response.status_code == 200, response.text
        [entry] = [item for item in response.json()["items"] if item["what"] == "country_changed"]
        assert (entry["target"], entry["from_country"], entry["to_country"]) == (TEACHER, "ES", "PT")
    else:
        assert response.status_code in status, response.text


# The Classic UI: Plone's personal-information form (the account's owner) and
# user-information form (administrators, ?userid=).


def form_session(userid: str) -> requests.Session:
    session = requests.Session()
    session.auth = (userid, PASSWORD)
    return session


def post_form(portal, session, view: str, fields: dict):
    url = f"{portal.absolute_url()}/@@{view}"
    page = session.get(url, params={k: v for k, v in fields.items() if k == "userid"})
    assert page.status_code == 200, page.text
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text).group(1)
    # What a browser sends for the fields the test leaves alone: the required notification choice.
    data = {
        "_authenticator": token,
        "form.buttons.save": "Save",
        "form.widgets.notification_mail:list": "daily",
        "form.widgets.notification_mail-empty-marker": "1",
        **fields,
    }
    return page, session.post(url, data=data)


def test_personal_information_form_keeps_the_country(cast):
    page, response = post_form(
        cast,
        form_session(TEACHER),
        "personal-information",
        {
            "form.widgets.fullname": "Ana Vidal",
            "form.widgets.email": f"{TEACHER}@example.org",
            "form.widgets.country:list": "IT",
            "form.widgets.country-empty-marker": "1",
        },
    )

    assert 'name="form.widgets.country:list"' not in page.text  # shown, not editable
    assert response.status_code == 200, response.text
    assert country_of(TEACHER) == "ES"
    assert api.user.get(userid=TEACHER).getProperty("fullname") == "Ana Vidal"
    assert country_changes(cast) == []


def test_administrator_changes_a_country_in_the_user_information_form(cast):
    page, response = post_form(
        cast,
        form_session(SITE_ADMIN),
        "user-information",
        {
            "userid": TEACHER,
            "form.widgets.fullname": "Teacher Ana",
            "form.widgets.email": f"{TEACHER}@example.org",
            "form.widgets.country:list": "IT",
            "form.widgets.country-empty-marker": "1",
        },
    )

    assert 'name="form.widgets.country:list"' in page.text
    assert response.status_code == 200, response.text
    assert country_of(TEACHER) == "IT"
    [change] = country_changes(cast)
    assert (change["who"], change["target"], change["from_country"], change["to_country"]) == (
        SITE_ADMIN,
        TEACHER,
        "ES",
        "IT",
    )
