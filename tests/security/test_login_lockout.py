"""Attacker stories: guessing a teacher's password.

Twelve wrong passwords, then the right one worked. Now an account is locked
after ``max_failures`` wrong passwords in a row (5 by default): the right
password is refused like a wrong one over REST ``@login``, HTTP Basic auth and
the login form, until ``lockout_minutes`` (15) have passed since the last wrong
one or the password is changed (by an administrator, or by a password reset).
Other accounts are not affected.
"""

from collective.twinning.lockout.install import lockout_plugin
from collective.twinning.lockout.plugin import LoginLockout
from plone import api
from tests.helpers import create_teacher
from tests.helpers import PASSWORD

import pytest
import transaction


GUESSES = 12


@pytest.fixture
def teachers(functional_portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "IT")
    transaction.commit()
    return functional_portal


def rest_login(request_factory, login, password):
    return request_factory().post("@login", json={"login": login, "password": password})


def basic_auth(request_factory, login, password):
    return request_factory(basic_auth=(login, password)).get("@users/" + login)


def guess(request_factory, login, tries=GUESSES):
    answers = {rest_login(request_factory, login, f"guess-{n}").status_code for n in range(tries)}
    assert answers == {401}


def test_defaults_are_documented():
    assert (LoginLockout.max_failures, LoginLockout.lockout_minutes) == (5, 15)


def test_plugin_checks_passwords_first(teachers):
    pas = teachers.acl_users
    from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

    assert pas.plugins.listPlugins(IAuthenticationPlugin)[0][0] == "twinning_login_lockout"


@pytest.mark.parametrize("attempt", [rest_login, basic_auth])
def test_right_password_refused_after_guesses_over_rest(teachers, request_factory, attempt):
    assert rest_login(request_factory, "teacher-ana", PASSWORD).status_code == 200
    guess(request_factory, "teacher-ana")
    refused = attempt(request_factory, "teacher-ana", PASSWORD)
    assert refused.status_code == 401
    # The same answer as a wrong password: nothing tells the guesser it was right.
    assert refused.json() == attempt(request_factory, "teacher-ana", "another-guess").json()
    # Another account is not affected.
    assert attempt(request_factory, "teacher-ben", PASSWORD).status_code == 200


def test_guesses_over_basic_auth_lock_too(teachers, request_factory):
    """A 401 over Basic auth aborts its transaction: the count must survive it."""
    for n in range(GUESSES):
        assert basic_auth(request_factory, "teacher-ana", f"guess-{n}").status_code == 401
    assert basic_auth(request_factory, "teacher-ana", PASSWORD).status_code == 401
    assert rest_login(request_factory, "teacher-ana", PASSWORD).status_code == 401


def test_fewer_guesses_than_the_threshold_lock_nothing(teachers, request_factory):
    guess(request_factory, "teacher-ana", tries=LoginLockout.max_failures - 1)
    assert rest_login(request_factory, "teacher-ana", PASSWORD).status_code == 200
    # The right password reset the count: as many guesses again lock nothing.
    guess(request_factory, "teacher-ana", tries=LoginLockout.max_failures - 1)
    assert rest_login(request_factory, "teacher-ana", PASSWORD).status_code == 200


def test_threshold_is_a_property_of_the_plugin(teachers, request_factory):
    lockout_plugin(teachers).manage_changeProperties(max_failures=2)
    transaction.commit()
    guess(request_factory, "teacher-ana", tries=2)
    assert rest_login(request_factory, "teacher-ana", PASSWORD).status_code == 401


def test_lock_lifts_after_the_window(teachers, request_factory):
    guess(request_factory, "teacher-ana")
    transaction.begin()
    plugin = lockout_plugin(teachers)
    count, last = plugin._failures["teacher-ana"]
    assert count >= plugin.max_failures
    plugin._failures["teacher-ana"] = (count, last - plugin.lockout_minutes * 60 - 1)
    transaction.commit()
    assert rest_login(request_factory, "teacher-ana", PASSWORD).status_code == 200


def test_administrator_unlocks_by_setting_a_password(teachers, request_factory, session_for):
    guess(request_factory, "teacher-ana")
    new_password = "another-secret-2026"
    response = session_for("manager").patch("@users/teacher-ana", json={"password": new_password})
    assert response.status_code == 204, response.text
    assert rest_login(request_factory, "teacher-ana", new_password).status_code == 200


def test_administrator_unlocks_from_python(teachers, request_factory):
    guess(request_factory, "teacher-ana")
    transaction.begin()
    plugin = lockout_plugin(teachers)
    assert plugin.locked_logins() == ["teacher-ana"]
    plugin.unlock("teacher-ana")
    transaction.commit()
    assert rest_login(request_factory, "teacher-ana", PASSWORD).status_code == 200


def test_unknown_logins_are_not_stored(teachers, request_factory):
    guess(request_factory, "nobody-at-all", tries=3)
    transaction.begin()
    assert "nobody-at-all" not in lockout_plugin(teachers)._failures


def form_login(request_factory, login):
    session = request_factory()
    session.headers.pop("Accept", None)
    page = session.post(
        "login",
        data={"__ac_name": login, "__ac_password": PASSWORD, "buttons.login": "Log in"},
        allow_redirects=False,
    )
    return "__ac" in page.cookies


def test_login_form_refuses_a_locked_account(teachers, request_factory):
    guess(request_factory, "teacher-ana")
    assert not form_login(request_factory, "teacher-ana")
    assert form_login(request_factory, "teacher-ben")


def test_exactly_the_threshold_locks(teachers, request_factory):
    guess(request_factory, "teacher-ana", tries=LoginLockout.max_failures)
    assert rest_login(request_factory, "teacher-ana", PASSWORD).status_code == 401


def test_uninstall_removes_the_plugin(portal):
    from collective.twinning.lockout.install import uninstall

    uninstall(portal)
    assert lockout_plugin(portal) is None
    assert api.portal.get_tool("acl_users").authenticate("admin", "wrong", portal.REQUEST) is None
