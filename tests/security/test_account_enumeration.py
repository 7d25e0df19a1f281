"""Attacker stories: telling which accounts exist.

``/people/<id>`` answered 401 for an existing teacher and 404 for a missing one;
asking for a password reset answered 404 for a missing account and 500
("Connection refused") for an existing one when the mail server was down. Now
both answer the same for any id, and never 500.
"""

from Acquisition import aq_base
from collective.twinning.directory.profiles import sync_profile
from plone import api
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher

import pytest
import transaction


@pytest.fixture
def accounts(functional_portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "IT")
    create_pupil_account("pupil-gala")
    # As @pupils makes them: the role Pupil instead of Member.
    functional_portal.acl_users.portal_role_manager.assignRolesToPrincipal(["Pupil"], "pupil-gala")
    for userid in ("teacher-ana", "teacher-ben"):
        sync_profile(userid)
    assert "teacher-ana" in functional_portal["people"]
    transaction.commit()
    return functional_portal


@pytest.fixture
def mail_server_down(accounts, monkeypatch):
    host = type(aq_base(api.portal.get_tool("MailHost")))

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(host, "send", refuse)
    monkeypatch.setattr(host, "_send", refuse, raising=False)


def same(response, other, existing="teacher-ana", missing="nobody-here"):
    assert response.status_code == other.status_code
    assert response.text.replace(existing, "ID") == other.text.replace(missing, "ID")


@pytest.mark.parametrize("viewer", ["anonymous", "pupil-gala"])
def test_profile_of_an_existing_teacher_answers_as_a_missing_one(accounts, session_for, viewer):
    session = session_for(viewer)
    existing, missing = session.get("people/teacher-ana"), session.get("people/nobody-here")
    assert existing.status_code == 404
    same(existing, missing)


def test_profile_page_in_the_classic_ui_too(accounts, request_factory):
    session = request_factory()
    session.headers["Accept"] = "text/html"
    existing = session.get("people/teacher-ana", allow_redirects=False)
    missing = session.get("people/nobody-here", allow_redirects=False)
    assert existing.status_code == missing.status_code == 404
    assert "Location" not in existing.headers


def test_teachers_still_see_profiles(accounts, session_for):
    assert session_for("teacher-ben").get("people/teacher-ana").status_code == 200


@pytest.mark.parametrize("down", [False, True])
def test_rest_reset_password_answers_the_same(accounts, request_factory, request, down):
    if down:
        request.getfixturevalue("mail_server_down")
    session = request_factory()
    existing = session.post("@users/teacher-ana/reset-password")
    missing = session.post("@users/nobody-here/reset-password")
    no_mail = session.post("@users/pupil-gala/reset-password")  # a pupil has no e-mail
    assert existing.status_code == missing.status_code == no_mail.status_code == 204
    assert existing.text == missing.text == no_mail.text == ""


def test_rest_reset_password_sends_the_mail(accounts, request_factory):
    host = api.portal.get_tool("MailHost")
    before = len(host.messages)
    assert request_factory().post("@users/teacher-ana/reset-password").status_code == 204
    transaction.begin()
    assert [message for message in host.messages[before:] if b"teacher-ana@example.org" in message]


def test_wrong_token_answers_the_same(accounts, request_factory):
    session = request_factory()
    body = {"reset_token": "guess", "new_password": "another-secret-2026"}
    existing = session.post("@users/teacher-ana/reset-password", json=body)
    missing = session.post("@users/nobody-here/reset-password", json=body)
    assert existing.status_code == 403
    same(existing, missing)


def test_old_password_answers_the_same(accounts, request_factory):
    session = request_factory()
    body = {"old_password": "guess", "new_password": "another-secret-2026"}
    existing = session.post("@users/teacher-ana/reset-password", json=body)
    missing = session.post("@users/nobody-here/reset-password", json=body)
    assert existing.status_code == 403
    same(existing, missing)


@pytest.mark.parametrize("down", [False, True])
def test_classic_forgot_password_form_answers_the_same(accounts, request_factory, request, down):
    if down:
        request.getfixturevalue("mail_server_down")
    session = request_factory()
    session.headers["Accept"] = "text/html"
    pages = [
        session.post("mail_password", data={"userid": userid}, allow_redirects=False)
        for userid in ("teacher-ana", "nobody-here", "pupil-gala")
    ]
    assert {page.status_code for page in pages} == {200}
    texts = {
        page.text.replace(userid, "ID")
        for page, userid in zip(pages, ("teacher-ana", "nobody-here", "pupil-gala"), strict=True)
    }
    assert len(texts) == 1
    assert "could not be found" not in pages[1].text
