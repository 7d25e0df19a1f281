"""Attacker stories: a page on another site makes a teacher's browser write to the portal.

A cross-site form can send ``text/plain``, ``application/x-www-form-urlencoded``
or ``multipart/form-data`` without a CORS preflight, and plone.restapi read such
a body as JSON. Every REST write with a body must now come as JSON, except the
media types a service documents (CSV uploads, archives, tus chunks).
"""

from collective.twinning.membership.roster import Roster
from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space

import json
import pytest
import transaction


FORM_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None]


@pytest.fixture
def space(functional_portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "IT")
    create_teacher("teacher-jon", "DE")
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-ben", "running")
    transaction.commit()
    return space


def send(session, method, path, body: dict, content_type):
    """What a form on another site sends: the JSON text as the body, or as a multipart field."""
    session.headers.pop("Content-Type", None)
    text = json.dumps(body)
    if content_type == "multipart/form-data":
        return session.request(method, path, files={text: (None, "")})
    headers = {"Content-Type": content_type} if content_type else {}
    return session.request(method, path, data=text.encode(), headers=headers)


def assert_refused(response):
    assert response.status_code in (400, 415), response.text
    body = response.json()
    assert "Content-Type" in body["message"] or body.get("field") == "Content-Type"


@pytest.mark.parametrize("content_type", FORM_TYPES)
def test_add_member_from_a_cross_site_form_refused(space, session_for, content_type):
    """The add-on's service: the founder's browser adds the attacker to the project."""
    response = send(
        session_for("teacher-ana"),
        "POST",
        "projects/space/@members",
        {"user": "teacher-jon", "role": "TwinSpaceAdmin"},
        content_type,
    )
    assert_refused(response)
    transaction.begin()
    assert Roster(space).role_of("teacher-jon") is None


@pytest.mark.parametrize("content_type", FORM_TYPES)
def test_edit_content_from_a_cross_site_form_refused(space, session_for, content_type):
    """plone.restapi's own service (PATCH content) is held to the same rule."""
    response = send(session_for("teacher-ana"), "PATCH", "projects/space", {"title": "Hacked"}, content_type)
    assert_refused(response)
    transaction.begin()
    assert space.title == "Project space"


def test_change_password_from_a_cross_site_form_refused(space, session_for):
    response = send(
        session_for("teacher-ana"),
        "PATCH",
        "@users/teacher-ana",
        {"email": "attacker@example.org"},
        "text/plain",
    )
    assert_refused(response)
    transaction.begin()
    assert api.user.get(userid="teacher-ana").getProperty("email") == "teacher-ana@example.org"


def test_the_answer_names_the_header(space, session_for):
    response = send(session_for("teacher-ana"), "PATCH", "projects/space", {"title": "Hacked"}, "text/plain")
    assert response.json() == {
        "type": "BadRequest",
        "field": "Content-Type",
        "message": "Send the body as application/json (Content-Type), not text/plain.",
        "context": response.json().get("context"),
    }


@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=utf-8"])
def test_json_writes_accepted(space, session_for, content_type):
    response = send(session_for("teacher-ana"), "PATCH", "projects/space", {"title": "Renamed"}, content_type)
    assert response.status_code == 204, response.text


def test_writes_without_a_body_need_no_content_type(space, session_for):
    session = session_for("teacher-ana")
    session.headers.pop("Content-Type", None)
    response = session.post("projects/space/@workflow/conclude", headers={"Content-Type": "text/plain"})
    assert response.status_code != 400 or "Content-Type" not in response.text


def test_documented_media_types_still_accepted(space, session_for):
    """A CSV of accounts (multipart) to @users; an archive (application/zip) to @import."""
    manager = session_for("manager")
    manager.headers.pop("Content-Type", None)
    csv = "username,email,password\nteacher-csv,teacher-csv@example.org,secret-pass-2026\n"
    response = manager.post("@users", files={"file": ("users.csv", csv, "text/csv")})
    assert "Content-Type" not in response.text, response.text
    archive = manager.post(
        "projects/@import", data=b"PK\x05\x06" + b"\x00" * 18, headers={"Content-Type": "application/zip"}
    )
    assert "Content-Type" not in archive.json().get("message", ""), archive.text


def test_classic_forms_are_no_rest_writes(space, request_factory):
    """The login form posts a form, whatever the client accepts: only REST services need JSON."""
    session = request_factory()
    session.headers["Accept"] = "*/*"
    page = session.post(
        "login",
        data={"__ac_name": "teacher-ana", "__ac_password": "secret-pass-2026", "buttons.login": "Log in"},
        allow_redirects=False,
    )
    assert page.status_code == 302
