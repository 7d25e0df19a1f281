"""``@members`` over HTTP: who may do what in a running space, bodies, bad input, @sharing."""

from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.roster import Roster
from email import message_from_bytes
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD

import pytest
import transaction


DENIED = (401, 403)  # Zope answers 401 to an authenticated user lacking a permission

SPACE = "/projects/space"

# Who is who in the running space built by ``build_space``.
PEOPLE = {
    "teacher-ana": "TwinSpaceAdmin",  # founder
    "teacher-ben": "TwinSpaceAdmin",  # partner founder
    "teacher-cleo": "TwinSpaceAdmin",  # promoted
    "teacher-dan": "TwinSpaceTeacher",
    "teacher-eva": "TwinSpacePupilAdmin",
    "member-finn": "TwinSpaceObserver",
    "pupil-gala": "TwinSpacePupil",
    "teacher-kim": "TwinSpaceTeacher",  # the target of PATCH and DELETE
    "pupil-lia": "TwinSpacePupil",  # the target of DELETE @pupils
}
OUTSIDERS = ("teacher-hugo", "teacher-jon", "validator-ivo")


def build_space(portal, state="running"):
    """A space in ``state`` with the PEOPLE; teachers Hugo and Jon outside; Ivo validates ES."""
    for userid, country in [
        ("teacher-ana", "ES"),
        ("teacher-ben", "FR"),
        ("teacher-cleo", "IT"),
        ("teacher-dan", "ES"),
        ("teacher-eva", "FR"),
        ("teacher-hugo", "PT"),
        ("teacher-jon", "DE"),
        ("teacher-kim", "PL"),
    ]:
        create_teacher(userid, country)
    create_account("member-finn", "NL")
    create_validator("validator-ivo", "ES")
    space = make_space(portal["projects"], "teacher-ana", "teacher-ben", state)
    roster = Roster(space)
    for userid, role in PEOPLE.items():
        if role != "TwinSpacePupil" and userid not in ("teacher-ana", "teacher-ben"):
            roster.set(userid, role)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=space, type="Page", id="page", title="A private page")
        create_pupil(space, {"username": "pupil-gala", "fullname": "Gala Maria Ortiz", "password": PASSWORD})
        create_pupil(space, {"username": "pupil-lia", "fullname": "Lia Ruiz", "password": PASSWORD})
    transaction.commit()
    return space


def mails_since(portal, count: int) -> list:
    """The messages sent after the first ``count`` (read after the HTTP calls)."""
    transaction.begin()
    return [message_from_bytes(m) for m in portal.MailHost.messages[count:]]


@pytest.fixture
def space(functional_portal):
    return build_space(functional_portal)


def roster_now(portal) -> dict:
    transaction.begin()
    return dict(Roster(portal["projects"]["space"]).items())


def keys(value) -> set:
    """Every key of every object in a JSON document."""
    if isinstance(value, dict):
        return set(value) | set().union(*(keys(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(keys(v) for v in value))
    return set()


# --- who may do what ---------------------------------------------------------------

ACTORS = [
    "teacher-ana",
    "teacher-ben",
    "teacher-cleo",
    "teacher-dan",
    "teacher-eva",
    "member-finn",
    "pupil-gala",
    "teacher-hugo",
    "validator-ivo",
    "Manager",
    "Anonymous",
]

# The requests of the table, each made on the running space.
REQUESTS = {
    "list": ("GET", "@members", None),
    "add": ("POST", "@members", {"user": "teacher-jon", "role": "TwinSpaceObserver"}),
    "change": ("PATCH", "@members/teacher-kim", {"role": "TwinSpacePupilAdmin"}),
    "remove": ("DELETE", "@members/teacher-kim", None),
}
OK = {"list": 200, "add": 201, "change": 200, "remove": 204}

# actor: the requests they may make (any other is denied with 401/403)
ALLOWED = {
    "teacher-ana": {"list", "add", "change", "remove"},
    "teacher-ben": {"list", "add", "change", "remove"},
    "teacher-cleo": {"list", "add", "change", "remove"},
    "teacher-dan": {"list"},
    "teacher-eva": {"list"},
    "member-finn": {"list"},
    "pupil-gala": {"list"},
    "teacher-hugo": set(),
    "validator-ivo": set(),  # a validator of its country is not a member
    "Manager": {"list", "add", "change", "remove"},
    "Anonymous": set(),
}

# What the roster becomes after each request succeeds.
EFFECT = {
    "list": {},
    "add": {"teacher-jon": "TwinSpaceObserver"},
    "change": {"teacher-kim": "TwinSpacePupilAdmin"},
    "remove": {"teacher-kim": None},
}

TABLE = [(actor, name) for actor in ACTORS for name in REQUESTS]


@pytest.mark.parametrize("actor,name", TABLE, ids=[f"{a}-{n}" for a, n in TABLE])
def test_permission_table(functional_portal, space, session, actor, name):
    method, path, body = REQUESTS[name]
    before = roster_now(functional_portal)

    response = session(actor).request(method, f"{SPACE}/{path}", json=body)

    expected = dict(before)
    if name in ALLOWED[actor]:
        assert response.status_code == OK[name], response.text
        expected.update(EFFECT[name])
    else:
        assert response.status_code in DENIED, response.text
    assert roster_now(functional_portal) == {u: r for u, r in expected.items() if r}


# The founder across the lifecycle: (state, list, add) statuses.
STATES = [
    ("draft", 200, 201),
    ("pending", 200, 201),
    ("validated", 200, 201),
    ("running", 200, 201),
    ("concluded", 200, 201),
    ("labelled", 200, 201),
    ("archived", 200, DENIED),
]


@pytest.mark.parametrize("state,list_status,add_status", STATES, ids=[s[0] for s in STATES])
def test_founder_across_states(functional_portal, session, state, list_status, add_status):
    build_space(functional_portal, state)
    ana = session("teacher-ana")
    assert ana.get(f"{SPACE}/@members").status_code == list_status
    response = ana.post(f"{SPACE}/@members", json={"user": "teacher-jon", "role": "TwinSpaceTeacher"})
    if add_status is DENIED:
        assert response.status_code in DENIED
        assert "teacher-jon" not in roster_now(functional_portal)
    else:
        assert response.status_code == add_status, response.text
        assert roster_now(functional_portal)["teacher-jon"] == "TwinSpaceTeacher"


# --- bodies ------------------------------------------------------------------------


def test_list_body(space, session):
    body = session("teacher-dan").get(f"{SPACE}/@members").json()
    assert body == {
        "items": [
            {"id": "teacher-ana", "fullname": "Teacher Ana", "role": "TwinSpaceAdmin", "country": "ES"},
            {"id": "teacher-ben", "fullname": "Teacher Ben", "role": "TwinSpaceAdmin", "country": "FR"},
            {"id": "member-finn", "fullname": "Member Finn", "role": "TwinSpaceObserver", "country": "NL"},
            {"id": "pupil-gala", "fullname": "Gala Maria Ortiz", "role": "TwinSpacePupil", "country": None},
            {"id": "pupil-lia", "fullname": "Lia Ruiz", "role": "TwinSpacePupil", "country": None},
            {"id": "teacher-cleo", "fullname": "Teacher Cleo", "role": "TwinSpaceAdmin", "country": "IT"},
            {"id": "teacher-dan", "fullname": "Teacher Dan", "role": "TwinSpaceTeacher", "country": "ES"},
            {"id": "teacher-eva", "fullname": "Teacher Eva", "role": "TwinSpacePupilAdmin", "country": "FR"},
            {"id": "teacher-kim", "fullname": "Teacher Kim", "role": "TwinSpaceTeacher", "country": "PL"},
        ],
        "items_total": 9,
    }


def test_pupils_see_first_names(space, session):
    body = session("pupil-gala").get(f"{SPACE}/@members").json()
    names = {item["id"]: item["fullname"] for item in body["items"]}
    assert names["teacher-ana"] == "Teacher"
    assert names["pupil-lia"] == "Lia"
    assert names["pupil-gala"] == "Gala"
    assert all(" " not in name for name in names.values())
    assert body["items_total"] == 9


@pytest.mark.parametrize("actor", ["teacher-ana", "teacher-dan", "member-finn", "pupil-gala", "Manager"])
def test_no_email_anywhere(space, session, actor):
    response = session(actor).get(f"{SPACE}/@members")
    assert response.status_code == 200
    assert "email" not in keys(response.json())
    assert "@example.org" not in response.text


def test_add_body_and_mail(functional_portal, space, session):
    sent = len(functional_portal.MailHost.messages)
    response = session("teacher-cleo").post(
        f"{SPACE}/@members", json={"user": "teacher-jon", "role": "TwinSpaceTeacher"}
    )
    assert response.status_code == 201
    assert response.json() == {"id": "teacher-jon", "role": "TwinSpaceTeacher"}
    messages = mails_since(functional_portal, sent)
    assert [m["To"] for m in messages] == ["teacher-jon@example.org"]
    assert "TwinSpaceTeacher" in messages[0].get_payload(decode=True).decode()


def test_added_member_gets_the_role(space, session):
    session("teacher-ana").post(f"{SPACE}/@members", json={"user": "teacher-jon", "role": "TwinSpaceTeacher"})
    jon = session("teacher-jon")
    assert jon.get(f"{SPACE}/page").status_code == 200
    assert jon.get(f"{SPACE}/@members").status_code == 200


def test_removed_member_loses_access(space, session):
    kim = session("teacher-kim")
    assert kim.get(f"{SPACE}/page").status_code == 200
    assert session("teacher-ana").delete(f"{SPACE}/@members/teacher-kim").status_code == 204
    assert kim.get(f"{SPACE}/page").status_code in DENIED
    assert kim.get(f"{SPACE}/@members").status_code in DENIED


def test_change_body(space, session):
    response = session("teacher-ana").patch(f"{SPACE}/@members/teacher-kim", json={"role": "TwinSpaceAdmin"})
    assert response.status_code == 200
    assert response.json() == {"id": "teacher-kim", "role": "TwinSpaceAdmin"}
    # the promoted admin may now manage members
    response = session("teacher-kim").post(
        f"{SPACE}/@members", json={"user": "teacher-jon", "role": "TwinSpaceObserver"}
    )
    assert response.status_code == 201


def test_observer_is_for_any_member(functional_portal, space, session):
    create_account("member-nora")  # no Teacher role
    transaction.commit()
    ana = session("teacher-ana")
    refused = ana.post(f"{SPACE}/@members", json={"user": "member-nora", "role": "TwinSpaceTeacher"})
    assert refused.status_code == 400
    accepted = ana.post(f"{SPACE}/@members", json={"user": "member-nora", "role": "TwinSpaceObserver"})
    assert accepted.status_code == 201
    assert roster_now(functional_portal)["member-nora"] == "TwinSpaceObserver"


# --- bad input ---------------------------------------------------------------------

# (case id, method, path, body, status, a word the message holds)
BAD = [
    ("add-no-user", "POST", "@members", {"role": "TwinSpaceTeacher"}, 400, "user"),
    ("add-user-null", "POST", "@members", {"user": None, "role": "TwinSpaceTeacher"}, 400, "user"),
    ("add-user-number", "POST", "@members", {"user": 7, "role": "TwinSpaceTeacher"}, 400, "user"),
    (
        "add-unknown-user",
        "POST",
        "@members",
        {"user": "nobody-here", "role": "TwinSpaceTeacher"},
        400,
        "user",
    ),
    ("add-no-role", "POST", "@members", {"user": "teacher-jon"}, 400, "role"),
    ("add-unknown-role", "POST", "@members", {"user": "teacher-jon", "role": "Overlord"}, 400, "role"),
    ("add-global-role", "POST", "@members", {"user": "teacher-jon", "role": "Manager"}, 400, "role"),
    ("add-existing", "POST", "@members", {"user": "teacher-dan", "role": "TwinSpaceAdmin"}, 400, "user"),
    ("add-founder", "POST", "@members", {"user": "teacher-ben", "role": "TwinSpaceObserver"}, 400, "user"),
    (
        "add-pupil-as-teacher",
        "POST",
        "@members",
        {"user": "pupil-gala", "role": "TwinSpaceTeacher"},
        400,
        "user",
    ),
    (
        "add-teacher-as-pupil",
        "POST",
        "@members",
        {"user": "teacher-jon", "role": "TwinSpacePupil"},
        400,
        "user",
    ),
    ("add-body-list", "POST", "@members", ["teacher-jon"], 400, "body"),
    (
        "add-with-subpath",
        "POST",
        "@members/teacher-jon",
        {"user": "teacher-jon", "role": "TwinSpaceTeacher"},
        404,
        None,
    ),
    ("change-no-role", "PATCH", "@members/teacher-kim", {}, 400, "role"),
    ("change-unknown-role", "PATCH", "@members/teacher-kim", {"role": "Owner"}, 400, "role"),
    ("change-to-pupil", "PATCH", "@members/teacher-kim", {"role": "TwinSpacePupil"}, 400, "user"),
    ("change-founder", "PATCH", "@members/teacher-ana", {"role": "TwinSpaceTeacher"}, 400, "user"),
    ("change-cofounder", "PATCH", "@members/teacher-ben", {"role": "TwinSpaceObserver"}, 400, "user"),
    ("change-not-member", "PATCH", "@members/teacher-jon", {"role": "TwinSpaceTeacher"}, 404, None),
    ("change-no-userid", "PATCH", "@members", {"role": "TwinSpaceTeacher"}, 400, "user id"),
    ("change-deep-path", "PATCH", "@members/teacher-kim/extra", {"role": "TwinSpaceAdmin"}, 400, "path"),
    ("remove-founder", "DELETE", "@members/teacher-ana", None, 400, "user"),
    ("remove-cofounder", "DELETE", "@members/teacher-ben", None, 400, "user"),
    ("remove-not-member", "DELETE", "@members/teacher-jon", None, 404, None),
    ("remove-unknown", "DELETE", "@members/nobody-here", None, 404, None),
    ("remove-no-userid", "DELETE", "@members", None, 400, "user id"),
]


@pytest.mark.parametrize("method,path,body,status,word", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input(functional_portal, space, session, method, path, body, status, word):
    sent = len(functional_portal.MailHost.messages)
    before = roster_now(functional_portal)
    response = session("teacher-ana").request(method, f"{SPACE}/{path}", json=body)
    assert response.status_code == status, response.text
    if word:
        body = response.json()
        assert body.get("field") == word or word in body["message"]
    assert roster_now(functional_portal) == before
    assert mails_since(functional_portal, sent) == []


def test_malformed_json(functional_portal, space, session):
    before = roster_now(functional_portal)
    response = session("teacher-ana").post(
        f"{SPACE}/@members", data="{user: teacher-jon", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["field"] == "body"
    assert roster_now(functional_portal) == before


def test_members_of_a_page_is_not_found(space, session):
    assert session("teacher-ana").get(f"{SPACE}/page/@members").status_code == 404


# --- the sharing page --------------------------------------------------------------


def sharing_entries(session) -> dict:
    response = session("Manager").get(f"{SPACE}/@sharing")
    assert response.status_code == 200, response.text
    return {entry["id"]: entry for entry in response.json()["entries"]}


def test_sharing_shows_the_places_groups(functional_portal, space, session):
    """The sharing page of a site administrator shows one group per roster role, holding it
    as "acquired" (given by a borg.localrole provider: shown, not editable there)."""
    uid = functional_portal["projects"]["space"].UID()
    entries = sharing_entries(session)
    for role in set(PEOPLE.values()):
        entry = entries[f"twinspace:{uid}:{role}"]
        assert entry["type"] == "group"
        assert entry["roles"][role] == "acquired"
        assert entry["title"] == f"{functional_portal['projects']['space'].Title()}: {role}"
    assert not set(PEOPLE) & set(entries)  # people are in the groups, not listed one by one


def test_sharing_shows_the_validators_group_to_administrators(space, session):
    entries = sharing_entries(session)
    assert entries["validators:ES"]["type"] == "group"
    assert entries["validators:ES"]["roles"]["Reviewer"] == "acquired"


def test_admins_cannot_write_space_roles_through_sharing(space, session):
    """Only the roster gives space roles: an admin's @sharing cannot bypass its checks."""
    ana = session("teacher-ana")
    available = {role["id"] for role in ana.get(f"{SPACE}/@sharing").json()["available_roles"]}
    assert not available & set(PEOPLE.values())
    ana.post(
        f"{SPACE}/@sharing",
        json={
            "entries": [{"id": "member-finn", "type": "user", "roles": {"TwinSpaceAdmin": True}}],
        },
    )
    transaction.begin()
    assert api.user.get_roles(username="member-finn", obj=space).count("TwinSpaceAdmin") == 0


def test_sharing_stays_as_it_was_when_the_roster_changes(space, session):
    before = sharing_entries(session)
    ana = session("teacher-ana")
    ana.patch(f"{SPACE}/@members/teacher-kim", json={"role": "TwinSpaceObserver"})
    ana.delete(f"{SPACE}/@members/member-finn")
    assert sharing_entries(session) == before
