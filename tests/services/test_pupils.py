"""``@pupils`` over HTTP: pupil accounts made by a space's teachers, and what a pupil may do."""

from collective.twinning.membership.roster import Roster
from plone import api
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.services.test_members import ACTORS
from tests.services.test_members import build_space
from tests.services.test_members import DENIED
from tests.services.test_members import keys
from tests.services.test_members import mails_since
from tests.services.test_members import SPACE

import pytest
import transaction


NEW_PUPIL = {"username": "pupil-nico", "fullname": "Nico Costa Leal", "password": PASSWORD}


@pytest.fixture
def space(functional_portal):
    return build_space(functional_portal)


@pytest.fixture
def other_space(functional_portal, space):
    """Hugo's running space, with a private page and its own pupil Omar."""
    from collective.twinning.membership.pupils import create_pupil

    other = make_space(functional_portal["projects"], "teacher-hugo", None, "running", id_="other")
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=other, type="Page", id="secret", title="Hugo's private page")
        create_pupil(other, {"username": "pupil-omar", "fullname": "Omar Said", "password": PASSWORD})
    transaction.commit()
    return other


def account(portal, userid):
    transaction.begin()
    return api.user.get(userid=userid)


def pupils_of(portal, space_id="space") -> set[str]:
    transaction.begin()
    roster = Roster(portal["projects"][space_id])
    return {userid for userid, role in roster.items() if role == "TwinSpacePupil"}


# --- who may do what ---------------------------------------------------------------

REQUESTS = {
    "list": ("GET", "@pupils", None),
    "create": ("POST", "@pupils", NEW_PUPIL),
    "delete": ("DELETE", "@pupils/pupil-lia", None),
}
OK = {"list": 200, "create": 201, "delete": 204}
MANAGE = {"list", "create", "delete"}
ALLOWED = {
    "teacher-ana": MANAGE,  # founders and promoted admins
    "teacher-ben": MANAGE,
    "teacher-cleo": MANAGE,
    "teacher-dan": MANAGE,  # TwinSpaceTeacher
    "teacher-eva": set(),  # TwinSpacePupilAdmin
    "member-finn": set(),
    "pupil-gala": set(),
    "teacher-hugo": set(),
    "validator-ivo": set(),
    "Manager": MANAGE,
    "Anonymous": set(),
}
TABLE = [(actor, name) for actor in ACTORS for name in REQUESTS]


@pytest.mark.parametrize("actor,name", TABLE, ids=[f"{a}-{n}" for a, n in TABLE])
def test_permission_table(functional_portal, space, session, actor, name):
    method, path, body = REQUESTS[name]
    response = session(actor).request(method, f"{SPACE}/{path}", json=body)

    allowed = name in ALLOWED[actor]
    if allowed:
        assert response.status_code == OK[name], response.text
    else:
        assert response.status_code in DENIED, response.text
    expected = {"pupil-gala", "pupil-lia"}
    if allowed and name == "create":
        expected.add("pupil-nico")
    if allowed and name == "delete":
        expected.discard("pupil-lia")
    assert pupils_of(functional_portal) == expected
    assert (account(functional_portal, "pupil-nico") is not None) == (allowed and name == "create")
    assert (account(functional_portal, "pupil-lia") is None) == (allowed and name == "delete")


# The founder across the lifecycle: may they create a pupil?
STATES = [
    ("draft", DENIED),
    ("pending", DENIED),
    ("validated", 201),
    ("running", 201),
    ("concluded", 201),
    ("labelled", 201),
    ("archived", DENIED),
]


@pytest.mark.parametrize("state,status", STATES, ids=[s[0] for s in STATES])
def test_founder_across_states(functional_portal, session, state, status):
    build_space(functional_portal, state)
    response = session("teacher-ana").post(f"{SPACE}/@pupils", json=NEW_PUPIL)
    if status is DENIED:
        assert response.status_code in DENIED, response.text
        assert account(functional_portal, "pupil-nico") is None
    else:
        assert response.status_code == status, response.text
        assert account(functional_portal, "pupil-nico") is not None


# --- the pupil account -------------------------------------------------------------


def test_create_body_and_account(functional_portal, space, session):
    sent = len(functional_portal.MailHost.messages)
    response = session("teacher-dan").post(f"{SPACE}/@pupils", json=NEW_PUPIL)
    assert response.status_code == 201, response.text
    assert response.json() == {"id": "pupil-nico", "fullname": "Nico Costa Leal"}

    user = account(functional_portal, "pupil-nico")
    assert not user.getProperty("email")
    assert user.getProperty("pupil_of") == functional_portal["projects"]["space"].UID()
    assert user.getProperty("fullname") == "Nico Costa Leal"
    assert sorted(api.user.get_roles(user=user)) == ["Authenticated", "Pupil"]
    assert Roster(functional_portal["projects"]["space"]).role_of("pupil-nico") == "TwinSpacePupil"
    assert mails_since(functional_portal, sent) == []


def test_list_body(space, session):
    response = session("teacher-dan").get(f"{SPACE}/@pupils")
    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {"id": "pupil-gala", "fullname": "Gala Maria Ortiz"},
            {"id": "pupil-lia", "fullname": "Lia Ruiz"},
        ],
        "items_total": 2,
    }
    assert "email" not in keys(response.json())


def test_new_pupil_logs_in_and_works_in_its_space(space, session):
    session("teacher-ana").post(f"{SPACE}/@pupils", json=NEW_PUPIL)
    nico = session("pupil-nico")
    assert nico.get(SPACE).status_code == 200
    assert nico.get(f"{SPACE}/page").status_code == 200  # private to the space's members
    members = nico.get(f"{SPACE}/@members")
    assert members.status_code == 200
    names = {item["id"]: item["fullname"] for item in members.json()["items"]}
    assert names["pupil-nico"] == "Nico"
    assert names["teacher-dan"] == "Teacher"


def test_wrong_password_is_refused(space, request_factory):
    bad = request_factory(basic_auth=("pupil-gala", "not-the-password"))
    assert bad.get(f"{SPACE}/@members").status_code == 401


# What a pupil of the space may not do: (case id, method, path, payload type or body)
PUPIL_DENIED = [
    ("add-member", "POST", f"{SPACE}/@members", {"user": "teacher-jon", "role": "TwinSpaceObserver"}),
    ("change-member", "PATCH", f"{SPACE}/@members/teacher-kim", {"role": "TwinSpaceObserver"}),
    ("remove-member", "DELETE", f"{SPACE}/@members/pupil-lia", None),
    ("list-pupils", "GET", f"{SPACE}/@pupils", None),
    ("create-pupil", "POST", f"{SPACE}/@pupils", NEW_PUPIL),
    ("delete-pupil", "DELETE", f"{SPACE}/@pupils/pupil-lia", None),
    ("register-project", "POST", "/projects", "TwinSpace"),
    ("register-group", "POST", "/groups", "Group"),
    ("post-partner-search", "POST", "/partner-finding", "PartnerPosting"),
    ("edit-space", "PATCH", SPACE, {"title": "Pupils' space"}),
    ("other-members", "GET", "/projects/other/@members", None),
    ("other-private-page", "GET", "/projects/other/secret", None),
]


@pytest.mark.parametrize("method,path,body", [c[1:] for c in PUPIL_DENIED], ids=[c[0] for c in PUPIL_DENIED])
def test_pupil_is_denied(functional_portal, space, other_space, session, payloads, method, path, body):
    if isinstance(body, str):
        body = payloads[body]
    before = {
        pid: len(functional_portal[pid].objectIds()) for pid in ("projects", "groups", "partner-finding")
    }
    response = session("pupil-gala").request(method, path, json=body)
    assert response.status_code in DENIED, response.text
    transaction.begin()
    assert {pid: len(functional_portal[pid].objectIds()) for pid in before} == before
    assert pupils_of(functional_portal) == {"pupil-gala", "pupil-lia"}
    assert functional_portal["projects"]["space"].title == "Project space"


def test_pupil_search_sees_only_its_space_and_public_content(space, other_space, session):
    response = session("pupil-gala").get("/@search", params={"portal_type": "Page"})
    assert response.status_code == 200
    found = {item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]}
    assert found == {"page"}


def test_pupil_is_in_no_listing_outside_the_space(functional_portal, space, other_space, session):
    for actor, path in [
        ("Manager", "/@teacher-requests"),
        ("teacher-hugo", "/projects/other/@members"),
        ("teacher-hugo", "/projects/other/@pupils"),
    ]:
        response = session(actor).get(path)
        assert response.status_code == 200, (path, response.text)
        assert "pupil-gala" not in response.text, path
    assert "pupil-omar" in session("teacher-hugo").get("/projects/other/@pupils").text


# --- deleting ----------------------------------------------------------------------


def test_delete_removes_the_account(functional_portal, space, session):
    lia = session("pupil-lia")
    assert lia.get(f"{SPACE}/@members").status_code == 200
    response = session("teacher-dan").delete(f"{SPACE}/@pupils/pupil-lia")
    assert response.status_code == 204
    assert account(functional_portal, "pupil-lia") is None
    assert lia.get(f"{SPACE}/@members").status_code == 401
    ids = [item["id"] for item in session("teacher-dan").get(f"{SPACE}/@members").json()["items"]]
    assert "pupil-lia" not in ids


def test_another_space_cannot_delete_our_pupil(functional_portal, space, other_space, session):
    response = session("teacher-hugo").delete("/projects/other/@pupils/pupil-gala")
    assert response.status_code == 404
    assert account(functional_portal, "pupil-gala") is not None
    assert "pupil-gala" in pupils_of(functional_portal)


def test_another_space_cannot_delete_a_pupil_it_borrowed(functional_portal, space, other_space, session):
    hugo = session("teacher-hugo")
    added = hugo.post("/projects/other/@members", json={"user": "pupil-gala", "role": "TwinSpacePupil"})
    assert added.status_code == 201, added.text
    assert hugo.delete("/projects/other/@pupils/pupil-gala").status_code == 404
    assert account(functional_portal, "pupil-gala") is not None
    # its own space deletes the account, and it leaves both rosters
    assert session("teacher-ana").delete(f"{SPACE}/@pupils/pupil-gala").status_code == 204
    assert account(functional_portal, "pupil-gala") is None
    assert "pupil-gala" not in pupils_of(functional_portal, "other")


# --- bad input ---------------------------------------------------------------------

# (case id, body, the field the message names)
CREATE_BAD = [
    ("no-username", {"fullname": "Nico Costa", "password": PASSWORD}, "username"),
    ("empty-username", {**NEW_PUPIL, "username": ""}, "username"),
    ("username-number", {**NEW_PUPIL, "username": 12}, "username"),
    ("username-with-space", {**NEW_PUPIL, "username": "pupil nico"}, "username"),
    ("username-taken", {**NEW_PUPIL, "username": "teacher-jon"}, "username"),
    ("username-of-pupil", {**NEW_PUPIL, "username": "pupil-gala"}, "username"),
    ("no-fullname", {"username": "pupil-nico", "password": PASSWORD}, "fullname"),
    ("blank-fullname", {**NEW_PUPIL, "fullname": "  "}, "fullname"),
    ("no-password", {"username": "pupil-nico", "fullname": "Nico Costa"}, "password"),
    ("short-password", {**NEW_PUPIL, "password": "abc"}, "password"),
    ("password-number", {**NEW_PUPIL, "password": 12345678}, "password"),
    ("body-list", [NEW_PUPIL], "body"),
]


@pytest.mark.parametrize("body,field", [c[1:] for c in CREATE_BAD], ids=[c[0] for c in CREATE_BAD])
def test_create_rejected(functional_portal, space, session, body, field):
    response = session("teacher-ana").post(f"{SPACE}/@pupils", json=body)
    assert response.status_code == 400, response.text
    assert response.json().get("field") == field or field in response.json()["message"]
    assert account(functional_portal, "pupil-nico") is None
    assert pupils_of(functional_portal) == {"pupil-gala", "pupil-lia"}


# (case id, path, status)
DELETE_BAD = [
    ("no-username", "@pupils", 400),
    ("deep-path", "@pupils/pupil-lia/extra", 400),
    ("unknown", "@pupils/nobody-here", 404),
    ("teacher", "@pupils/teacher-dan", 404),
    ("founder", "@pupils/teacher-ben", 404),
    ("observer", "@pupils/member-finn", 404),
]


@pytest.mark.parametrize("path,status", [c[1:] for c in DELETE_BAD], ids=[c[0] for c in DELETE_BAD])
def test_delete_rejected(functional_portal, space, session, path, status):
    response = session("teacher-ana").delete(f"{SPACE}/{path}")
    assert response.status_code == status, response.text
    for userid in ("pupil-lia", "teacher-dan", "teacher-ben", "member-finn"):
        assert account(functional_portal, userid) is not None
    assert pupils_of(functional_portal) == {"pupil-gala", "pupil-lia"}
