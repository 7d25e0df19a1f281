"""Finding 1 (and 9): rights reach principals by what they are, never by a registrable name.

Before: a space granted Reviewer to the principal id ``validators-CC``, which anyone
could register as a user id (or a teacher give to a pupil) and then read that
country's projects. Now validators and members are group principals of the add-on's
PAS plugin, whose prefixes no account may take.
"""

from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.helpers import PASSWORD

import pytest
import transaction


RESERVED = ["validators-MT", "validators:MT", "twinspace:abc:TwinSpaceAdmin", "group:abc:GroupAdmin"]


def registration(userid: str) -> dict:
    return {
        "username": userid,
        "email": "attacker@example.org",
        "password": PASSWORD,
        "fullname": "Mallory",
        "country": "MT",
    }


def exists(userid: str) -> bool:
    transaction.begin()
    return api.user.get(userid=userid) is not None


@pytest.fixture
def space(functional_portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-marco", "MT")
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-marco", "pending")
    make_space(functional_portal["projects"], "teacher-ana", None, "running", id_="running")
    transaction.commit()
    return space


@pytest.mark.parametrize("userid", RESERVED)
def test_anonymous_cannot_register_a_reserved_id(space, anon_request, userid):
    response = anon_request.post("/@users", json=registration(userid))

    assert response.status_code == 400, response.text
    assert not exists(userid)


@pytest.mark.parametrize("userid", RESERVED)
def test_an_administrator_cannot_create_a_reserved_id_either(space, request_factory, userid):
    response = request_factory(role="Manager").post("/@users", json=registration(userid))

    assert response.status_code == 400, response.text
    assert not exists(userid)


@pytest.mark.parametrize("userid", RESERVED)
def test_a_teacher_cannot_make_a_pupil_with_a_reserved_id(space, session_for, userid):
    response = session_for("teacher-ana").post(
        "/projects/running/@pupils", json={"username": userid, "fullname": "Mallory", "password": PASSWORD}
    )

    assert response.status_code == 400, response.text
    assert not exists(userid)


def test_a_reserved_id_made_behind_the_portals_back_is_refused(functional_portal):
    """Whatever door an account comes through (here plone.api), the reservation holds."""
    with pytest.raises(Exception, match="reserved"):
        create_account("validators-MT", "MT")
    transaction.abort()
    assert not exists("validators-MT")


def test_a_group_with_the_old_validators_name_gives_no_right(space, request_factory, session_for):
    """A group named validators-MT (as earlier versions made them) means nothing: its
    member, of another country and without the role, reads none of MT's projects."""
    create_account("member-mallory", "FR")
    with api.env.adopt_roles(["Manager"]):
        group = api.group.create(groupname="validators-MT")
    api.group.add_user(group=group, username="member-mallory")
    transaction.commit()

    session = session_for("member-mallory")
    for path in ("@report", "@audit", "@validation", "@export"):
        assert session.get(f"/projects/space/{path}").status_code in (401, 403), path
    found = session.get("/@search", params={"portal_type": "TwinSpace", "review_state": "pending"})
    assert found.json()["items_total"] == 0


def test_search_tells_nobody_which_project_a_pupil_is_in(space, session_for, anon_request):
    """Finding 9: the member index is gone; the parameter changes nothing in the answer."""
    created = session_for("teacher-ana").post(
        "/projects/running/@pupils",
        json={"username": "pupil-paula", "fullname": "Paula", "password": PASSWORD},
    )
    assert created.status_code == 201, created.text

    plain = anon_request.get("/@search", params={"portal_type": "TwinSpace"}).json()
    probed = anon_request.get(
        "/@search", params={"portal_type": "TwinSpace", "twinspace_members": "pupil-paula"}
    ).json()
    unknown = anon_request.get(
        "/@search", params={"portal_type": "TwinSpace", "twinspace_members": "nobody-at-all"}
    ).json()

    assert probed["items_total"] == plain["items_total"] == unknown["items_total"]
    assert "twinspace_members" not in api.portal.get_tool("portal_catalog").indexes()
