"""The switch "SSO only for staff": validators and administrators cannot use a password
(login form, Basic authentication, @login) while teachers and pupils keep theirs, and
REST clients keep Basic and JWT authentication; the provider still logs staff in."""

from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import PASSWORD
from tests.sso.conftest import set_sso
from tests.sso.flows import authorize
from tests.sso.flows import is_logged_in_as
from tests.sso.flows import start

import pytest
import re
import requests
import transaction


JSON = {"Accept": "application/json"}
# who -> (global roles, through a group?, staff?)
PEOPLE = {
    "teacher": (["Teacher"], False, False),
    "pupil": (["Pupil"], False, False),
    "member": ([], False, False),
    "national-validator": (["NationalValidator"], False, True),
    "validator-by-group": (["NationalValidator"], True, True),
    "european-validator": (["EuropeanValidator"], False, True),
    "site-administrator": (["Site Administrator"], False, True),
    "manager": (["Manager"], False, True),
}


def make(who: str) -> str:
    roles, by_group, _staff = PEOPLE[who]
    userid = f"person-{who}"
    if who == "pupil":
        create_pupil_account(userid)
        api.user.grant_roles(username=userid, roles=roles)
    elif by_group:
        create_account(userid, "ES")
        api.group.create(groupname="national-service-es", roles=roles)
        api.group.add_user(groupname="national-service-es", username=userid)
    else:
        create_account(userid, "ES", roles=roles)
    return userid


def basic(portal_url: str, userid: str) -> bool:
    response = requests.get(
        f"{portal_url}/@users/{userid}", auth=(userid, PASSWORD), headers=JSON, timeout=30
    )
    return response.status_code == 200


def rest_login(portal_url: str, userid: str) -> str | None:
    response = requests.post(
        f"{portal_url}/@login", json={"login": userid, "password": PASSWORD}, headers=JSON, timeout=30
    )
    return response.json()["token"] if response.status_code == 200 else None


def login_form(portal_url: str, userid: str) -> tuple[bool, str]:
    browser = requests.Session()
    page = browser.post(
        f"{portal_url}/login",
        data={"__ac_name": userid, "__ac_password": PASSWORD, "buttons.login": "Log in", "came_from": ""},
        timeout=30,
    ).text
    return is_logged_in_as(browser, portal_url, userid), page


@pytest.mark.parametrize("switch", [False, True])
@pytest.mark.parametrize("who", list(PEOPLE))
def test_passwords_by_role_and_switch(sso_site, who, switch):
    portal_url = sso_site.absolute_url()
    userid = make(who)
    set_sso(sso_only_for_staff=switch)
    transaction.commit()
    allowed = not (switch and PEOPLE[who][2])
    assert basic(portal_url, userid) is allowed
    assert (rest_login(portal_url, userid) is not None) is allowed
    logged_in, page = login_form(portal_url, userid)
    assert logged_in is allowed
    if not allowed:
        assert "Validators and administrators log in with EU Login, not with a password." in page


def status_messages(page: str) -> list[str]:
    return re.findall(r'<div class="portalMessage[^"]*"[^>]*>(.*?)</div>', page, re.S)


def test_a_refused_right_password_is_answered_as_a_wrong_one(sso_site):
    """No oracle: the form answers a staff member's right password as it answers a wrong one."""
    portal_url = sso_site.absolute_url()
    make("national-validator")
    set_sso(sso_only_for_staff=True)
    transaction.commit()
    answers = {}
    for password in (PASSWORD, "wrong-password-1"):
        response = requests.post(
            f"{portal_url}/login",
            data={
                "__ac_name": "person-national-validator",
                "__ac_password": password,
                "buttons.login": "Log in",
            },
            timeout=30,
        )
        answers[password] = (response.status_code, status_messages(response.text))
    assert answers[PASSWORD] == answers["wrong-password-1"]
    assert any("Login failed" in message for message in answers[PASSWORD][1])


@pytest.mark.parametrize("switch", [False, True])
def test_the_login_form_states_the_staff_rule_when_on(sso_site, switch):
    set_sso(sso_only_for_staff=switch)
    transaction.commit()
    page = requests.get(f"{sso_site.absolute_url()}/login", timeout=30).text
    assert ('id="sso-staff-rule"' in page) is switch
    assert ("Validators and administrators log in with EU Login, not with a password." in page) is switch


def test_the_lockout_still_locks_with_the_guard_in_place(sso_site):
    """The lockout stays first among the authenticators and counts wrong passwords through the guard."""
    from collective.twinning.lockout.plugin import PLUGIN_ID as LOCKOUT_ID
    from collective.twinning.sso.passwords import GUARD_ID
    from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

    authenticators = sso_site.acl_users.plugins.listPluginIds(IAuthenticationPlugin)
    assert authenticators[0] == LOCKOUT_ID
    assert GUARD_ID in authenticators and "source_users" not in authenticators
    portal_url = sso_site.absolute_url()
    userid = make("teacher")
    transaction.commit()
    assert basic(portal_url, userid)
    for _ in range(sso_site.acl_users[LOCKOUT_ID].max_failures):
        requests.get(
            f"{portal_url}/@users/{userid}", auth=(userid, "wrong-password-1"), headers=JSON, timeout=30
        )
    assert not basic(portal_url, userid)


def test_rest_clients_keep_jwt(sso_site):
    portal_url = sso_site.absolute_url()
    make("teacher")
    set_sso(sso_only_for_staff=True)
    transaction.commit()
    token = rest_login(portal_url, "person-teacher")
    response = requests.get(
        f"{portal_url}/@users/person-teacher",
        headers={**JSON, "Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert response.status_code == 200


def test_no_provider_configured_no_refusal(sso_site):
    """Without a provider the switch would lock staff out: it waits for one."""
    portal_url = sso_site.absolute_url()
    make("national-validator")
    set_sso(sso_only_for_staff=True, issuer="")
    transaction.commit()
    assert basic(portal_url, "person-national-validator")


def test_the_zope_administrator_keeps_its_password(sso_site, session_for):
    set_sso(sso_only_for_staff=True)
    transaction.commit()
    assert session_for("manager").get("@users").status_code == 200


def test_staff_log_in_through_the_provider(sso_site, provider):
    portal_url = sso_site.absolute_url()
    make("national-validator")
    api.user.get(userid="person-national-validator").setMemberProperties({"email": "validator@agency.es"})
    set_sso(sso_only_for_staff=True, allow_linking=True)
    transaction.commit()
    provider.set_user(
        "v-es-1", name="Validator", email="validator@agency.es", email_verified=True, country="ES"
    )
    browser, authorization_url = start(portal_url)
    browser.get(authorize(authorization_url, "v-es-1"), allow_redirects=False, timeout=30)
    assert is_logged_in_as(browser, portal_url, "person-national-validator")
    teacher_requests = browser.get(f"{portal_url}/@teacher-requests", headers=JSON, timeout=30)
    assert teacher_requests.status_code == 200
    assert not basic(portal_url, "person-national-validator")
