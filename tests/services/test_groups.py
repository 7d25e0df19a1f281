"""Groups over HTTP: creation and approval, ``@join``, ``@leave``, ``@invitations``, ``@members``."""

from collective.twinning.membership.roster import GroupRoster
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_group

import pytest
import transaction


DENIED = (401, 403)  # Zope answers 401 to an authenticated user lacking a permission


@pytest.fixture
def people(functional_portal):
    create_teacher("teacher-ana", "ES")  # creates the groups
    create_teacher("teacher-ben", "FR")
    create_account("member-dora", "ES")
    create_pupil_account("pupil-gala")
    create_validator("validator-es", "ES")
    create_validator("validator-fr", "FR")
    transaction.commit()


@pytest.fixture
def group_with(functional_portal, people):
    def build(access="open", state="active"):
        group = make_group(functional_portal["groups"], "teacher-ana", access, state)
        transaction.commit()
        return group

    return build


def roster_now(portal) -> dict:
    transaction.begin()
    return dict(GroupRoster(portal["groups"]["group"]).items())


def mails_since(portal, count: int) -> list[tuple[str, str]]:
    """(To, Subject) of the messages sent after the first ``count``."""
    transaction.begin()
    result = []
    for raw in portal.MailHost.messages[count:]:
        mail = message_from_bytes(raw)
        result.append((mail["To"], str(make_header(decode_header(mail["Subject"])))))
    return result


# --- creation and approval ---------------------------------------------------------


def test_teacher_creates_a_pending_group_and_validators_are_mailed(functional_portal, people, session):
    before = len(functional_portal.MailHost.messages)
    response = session("teacher-ana").post(
        "/groups",
        json={
            "@type": "Group",
            "title": "Robotics",
            "access": "etwinners",
            "languages": ["en"],
            "subjects": ["physics"],
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["review_state"] == "pending"
    assert body["countries"] == [{"token": "ES", "title": "Spain"}]
    assert mails_since(functional_portal, before) == [
        ("validator-es@example.org", "Group waiting for approval: Robotics")
    ]
    # Not visible to other teachers or anonymous while pending.
    assert session("teacher-ben").get("/groups/robotics").status_code in DENIED
    assert session("anonymous").get("/groups/robotics").status_code in DENIED
    assert session("validator-es").get("/groups/robotics").status_code == 200


def test_accounts_that_are_not_teachers_cannot_create_groups(people, session):
    response = session("member-dora").post(
        "/groups", json={"@type": "Group", "title": "Mine", "access": "open"}
    )
    assert response.status_code in DENIED


def test_approval_by_a_validator_of_the_creators_country(functional_portal, group_with, session):
    group_with("open", "pending")
    refused = session("validator-fr").post("/groups/group/@workflow/approve")
    assert refused.status_code in (400, *DENIED)
    before = len(functional_portal.MailHost.messages)
    response = session("validator-es").post("/groups/group/@workflow/approve")
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "active"
    assert mails_since(functional_portal, before) == [
        ("teacher-ana@example.org", "Group approved: Group group")
    ]
    assert session("anonymous").get("/groups/group").status_code == 200


def test_creator_archives(group_with, session):
    group_with("open", "active")
    response = session("teacher-ana").post("/groups/group/@workflow/archive")
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "archived"


# --- @join ----------------------------------------------------------------------------

# (access, userid, expected status)
JOIN = [
    ("open", "teacher-ben", 201),
    ("open", "member-dora", 201),
    ("open", "pupil-gala", 403),
    ("etwinners", "teacher-ben", 201),
    ("etwinners", "member-dora", 403),
    ("invitation", "teacher-ben", 403),
]


@pytest.mark.parametrize("access,userid,status", JOIN)
def test_join(functional_portal, group_with, session, access, userid, status):
    group_with(access)
    response = session(userid).post("/groups/group/@join")
    assert response.status_code == status, response.text
    if status == 201:
        assert response.json() == {"id": userid, "role": "GroupMember"}
        assert roster_now(functional_portal)[userid] == "GroupMember"
        again = session(userid).post("/groups/group/@join")
        assert (again.status_code, again.json()) == (200, {"id": userid, "role": "GroupMember"})
    else:
        assert response.json()["type"] == "Forbidden"
        assert userid not in roster_now(functional_portal)


def test_invited_teacher_joins(functional_portal, group_with, session):
    group_with("invitation")
    invited = session("teacher-ana").post("/groups/group/@invitations", json={"user": "teacher-ben"})
    assert invited.status_code == 201, invited.text
    assert session("teacher-ben").post("/groups/group/@join").status_code == 201
    assert session("teacher-ana").get("/groups/group/@invitations").json()["items_total"] == 0


def test_anonymous_cannot_join(group_with, session):
    group_with("open")
    assert session("anonymous").post("/groups/group/@join").status_code in DENIED


@pytest.mark.parametrize("state", ["pending", "archived"])
def test_join_outside_active_is_refused(functional_portal, group_with, session, state):
    group_with("open", state)
    assert session("teacher-ben").post("/groups/group/@join").status_code in DENIED
    assert "teacher-ben" not in roster_now(functional_portal)


# --- @leave ---------------------------------------------------------------------------


def test_member_leaves(functional_portal, group_with, session):
    group_with("open")
    session("teacher-ben").post("/groups/group/@join")
    response = session("teacher-ben").post("/groups/group/@leave")
    assert response.status_code == 204, response.text
    assert "teacher-ben" not in roster_now(functional_portal)


def test_creator_cannot_leave(functional_portal, group_with, session):
    group_with("open")
    response = session("teacher-ana").post("/groups/group/@leave")
    assert response.status_code == 400
    assert response.json()["field"] == "user"
    assert roster_now(functional_portal)["teacher-ana"] == "GroupAdmin"


def test_non_member_cannot_leave(group_with, session):
    group_with("open")
    assert session("teacher-ben").post("/groups/group/@leave").status_code in DENIED


# --- @invitations -------------------------------------------------------------------------


def test_invitations_are_for_admins(functional_portal, group_with, session):
    group_with("invitation")
    with api.env.adopt_roles(["Manager"]):
        GroupRoster(functional_portal["groups"]["group"]).set("member-dora", "GroupMember")
    transaction.commit()
    for userid in ("member-dora", "teacher-ben", "anonymous"):
        assert session(userid).get("/groups/group/@invitations").status_code in DENIED
        posted = session(userid).post("/groups/group/@invitations", json={"user": "teacher-ben"})
        assert posted.status_code in DENIED


def test_invite_list_withdraw(functional_portal, group_with, session):
    group_with("invitation")
    before = len(functional_portal.MailHost.messages)
    admin = session("teacher-ana")
    posted = admin.post("/groups/group/@invitations", json={"user": "teacher-ben"})
    assert posted.status_code == 201
    assert set(posted.json()) == {"id", "by", "date"}
    assert mails_since(functional_portal, before) == [
        ("teacher-ben@example.org", "You are invited to the group Group group")
    ]
    listing = admin.get("/groups/group/@invitations").json()
    assert [(i["id"], i["by"]) for i in listing["items"]] == [("teacher-ben", "teacher-ana")]
    assert admin.delete("/groups/group/@invitations/teacher-ben").status_code == 204
    assert admin.delete("/groups/group/@invitations/teacher-ben").status_code == 404
    assert session("teacher-ben").post("/groups/group/@join").status_code == 403


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"user": ""},
        {"user": 3},
        {"user": "nobody-here"},
        {"user": "member-dora"},
        {"user": "pupil-gala"},
        {"user": "teacher-ana"},
    ],
    ids=["missing", "empty", "number", "unknown", "not-a-teacher", "pupil", "member"],
)
def test_bad_invitation(group_with, session, body):
    group_with("invitation")
    response = session("teacher-ana").post("/groups/group/@invitations", json=body)
    assert response.status_code == 400
    error = response.json()
    assert error.get("field") == "user" or error["message"].startswith("user")
    assert session("teacher-ana").get("/groups/group/@invitations").json()["items_total"] == 0


def test_bad_json_body(group_with, session):
    group_with("invitation")
    response = session("teacher-ana").post(
        "/groups/group/@invitations", data="not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400


# --- @members on a group ------------------------------------------------------------------


def test_members_on_a_group(functional_portal, group_with, session):
    group_with("etwinners")
    admin = session("teacher-ana")
    added = admin.post("/groups/group/@members", json={"user": "teacher-ben", "role": "GroupMember"})
    assert (added.status_code, added.json()) == (201, {"id": "teacher-ben", "role": "GroupMember"})
    refused = admin.post("/groups/group/@members", json={"user": "member-dora", "role": "GroupMember"})
    assert refused.status_code == 400 and refused.json()["field"] == "user"
    bad_role = admin.patch("/groups/group/@members/teacher-ben", json={"role": "TwinSpaceAdmin"})
    assert bad_role.status_code == 400 and bad_role.json()["field"] == "role"
    promoted = admin.patch("/groups/group/@members/teacher-ben", json={"role": "GroupAdmin"})
    assert promoted.json() == {"id": "teacher-ben", "role": "GroupAdmin"}
    listing = session("teacher-ben").get("/groups/group/@members").json()
    assert [(m["id"], m["role"]) for m in listing["items"]] == [
        ("teacher-ana", "GroupAdmin"),
        ("teacher-ben", "GroupAdmin"),
    ]
    assert "email" not in str(listing)
    assert admin.delete("/groups/group/@members/teacher-ben").status_code == 204
    assert roster_now(functional_portal) == {"teacher-ana": "GroupAdmin"}
    assert session("teacher-ben").get("/groups/group/@members").status_code in DENIED


def test_member_adds_a_page_a_non_member_cannot(group_with, session):
    group_with("open")
    session("teacher-ben").post("/groups/group/@join")
    page = {"@type": "Page", "title": "Our experiment"}
    assert session("teacher-ben").post("/groups/group", json=page).status_code == 201
    assert session("member-dora").post("/groups/group", json=page).status_code in DENIED
