"""The provider's login over HTTP against a real provider on loopback: the happy path, and the
answers that must be refused (wrong state or nonce, no state cookie, a code for another client,
a replay, an address the provider did not verify)."""

from collective.twinning.sso.accounts import LoginRefused
from collective.twinning.sso.flow import check_id_token
from collective.twinning.teachers.requests import pending_for
from hashlib import sha256
from plone import api
from tests.helpers import create_teacher
from tests.sso.conftest import CLIENT_ID
from tests.sso.conftest import set_sso
from tests.sso.flows import authorize
from tests.sso.flows import is_logged_in_as
from tests.sso.flows import login_state
from tests.sso.flows import query
from tests.sso.flows import start
from tests.sso.flows import with_query

import base64
import pytest
import requests
import transaction


SUB = "eva-novak"
USERID = "sso-eva-novak"


@pytest.fixture
def eva(sso_site, provider):
    provider.set_user(SUB, name="Eva Novák", email="eva@school.cz", email_verified=True, country="CZ")
    return sso_site.absolute_url()


def refused(response, portal_url: str):
    """Sent back to the login form with a message, and no session."""
    assert response.status_code == 302
    assert response.headers["Location"] == f"{portal_url}/login"
    assert "__ac=" not in response.headers.get("Set-Cookie", "").replace("__ac=;", "__ac_expired")


def accounts() -> set[str]:
    transaction.begin()  # see what the server committed
    return {user.getId() for user in api.user.get_users()}


def test_login_through_the_provider_makes_the_account_and_its_request(eva):
    browser, authorization_url = start(eva)
    assert not is_logged_in_as(browser, eva, USERID)
    callback = authorize(authorization_url, SUB)
    assert callback.startswith(f"{eva}/acl_users/oidc/callback?")
    response = browser.get(callback, allow_redirects=False, timeout=30)
    assert response.status_code == 302 and response.headers["Location"] == eva
    assert is_logged_in_as(browser, eva, USERID)
    transaction.begin()
    user = api.user.get(userid=USERID)
    assert (user.getProperty("fullname"), user.getProperty("email"), user.getProperty("country")) == (
        "Eva Novák",
        "eva@school.cz",
        "CZ",
    )
    assert [item["id"] for item in pending_for({"CZ"})] == [USERID]


def test_the_login_asks_for_state_nonce_pkce_and_the_registrys_scopes(eva):
    browser, authorization_url = start(eva)
    asked = query(authorization_url)
    state = login_state(browser)
    assert (asked["state"], asked["nonce"]) == (state["state"], state["nonce"])
    assert asked["code_challenge_method"] == "S256"
    digest = sha256(state["verifier"].encode()).digest()
    assert asked["code_challenge"] == base64.urlsafe_b64encode(digest).decode().rstrip("=")
    assert asked["client_id"] == CLIENT_ID
    assert set(asked["scope"].split()) == {"openid", "profile", "email"}
    assert asked["redirect_uri"] == f"{eva}/acl_users/oidc/callback"


@pytest.mark.parametrize("forged", ["state", "nonce"])
def test_a_forged_state_or_nonce_is_refused(eva, forged):
    browser, authorization_url = start(eva)
    callback = authorize(with_query(authorization_url, **{forged: "forged-by-mallory"}), SUB)
    response = browser.get(callback, allow_redirects=False, timeout=30)
    refused(response, eva)
    assert not is_logged_in_as(browser, eva, USERID)
    assert USERID not in accounts()


def test_an_answer_without_this_browsers_state_cookie_is_refused(eva):
    """Login CSRF: Mallory's own callback link opened in Eva's browser."""
    _mallory, authorization_url = start(eva)
    callback = authorize(authorization_url, SUB)
    victim = requests.Session()
    refused(victim.get(callback, allow_redirects=False, timeout=30), eva)
    assert not is_logged_in_as(victim, eva, USERID)
    assert USERID not in accounts()


def test_a_code_for_another_client_is_refused(eva):
    browser, authorization_url = start(eva)
    callback = authorize(with_query(authorization_url, client_id="another-portal"), SUB)
    refused(browser.get(callback, allow_redirects=False, timeout=30), eva)
    assert USERID not in accounts()


def test_an_answer_serves_once(eva):
    browser, authorization_url = start(eva)
    callback = authorize(authorization_url, SUB)
    assert browser.get(callback, allow_redirects=False, timeout=30).headers["Location"] == eva
    replay = requests.Session()
    replay.cookies.update({"__ac_session": browser.cookies.get("__ac_session") or ""})
    refused(replay.get(callback, allow_redirects=False, timeout=30), eva)


def test_the_provider_saying_no_is_refused(eva):
    browser, authorization_url = start(eva)
    response = requests.post(authorization_url, data={"action": "deny"}, allow_redirects=False, timeout=30)
    refused(browser.get(response.headers["Location"], allow_redirects=False, timeout=30), eva)


def test_an_unverified_address_does_not_link_to_the_existing_account(sso_site, provider):
    portal_url = sso_site.absolute_url()
    create_teacher("teacher-eva", "CZ").setMemberProperties({"email": "eva@school.cz"})
    set_sso(allow_linking=True)
    transaction.commit()
    provider.set_user(SUB, name="Eva Novák", email="eva@school.cz", country="CZ")  # no email_verified
    browser, authorization_url = start(portal_url)
    response = browser.get(authorize(authorization_url, SUB), allow_redirects=False, timeout=30)
    refused(response, portal_url)
    page = browser.get(response.headers["Location"], timeout=30).text
    assert "did not confirm that eva@school.cz is your address" in page
    assert not is_logged_in_as(browser, portal_url, "teacher-eva")
    assert USERID not in accounts()


def test_a_verified_address_links_when_allowed(sso_site, provider):
    portal_url = sso_site.absolute_url()
    create_teacher("teacher-eva", "CZ").setMemberProperties({"email": "eva@school.cz"})
    set_sso(allow_linking=True)
    transaction.commit()
    provider.set_user(SUB, name="Eva", email="eva@school.cz", email_verified=True, country="FR")
    browser, authorization_url = start(portal_url)
    browser.get(authorize(authorization_url, SUB), allow_redirects=False, timeout=30)
    assert is_logged_in_as(browser, portal_url, "teacher-eva")
    transaction.begin()
    assert api.user.get(userid="teacher-eva").getProperty("country") == "CZ"


def test_logout_ends_the_providers_session_too(eva, provider):
    browser, authorization_url = start(eva)
    browser.get(authorize(authorization_url, SUB), allow_redirects=False, timeout=30)
    response = browser.get(f"{eva}/logout", allow_redirects=False, timeout=30)
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(f"{provider.url}/oauth2/end_session?")
    assert query(location)["post_logout_redirect_uri"] == f"{eva}/logged-out"
    assert query(location)["client_id"] == CLIENT_ID
    assert not is_logged_in_as(browser, eva, USERID)


def test_a_password_logout_stays_local(eva):
    teacher = requests.Session()
    response = teacher.get(f"{eva}/logout", allow_redirects=False, timeout=30)
    assert response.headers["Location"].startswith(eva)


def test_the_login_form_offers_the_provider(eva):
    page = requests.get(f"{eva}/login", timeout=30).text
    assert 'id="sso-login-button"' in page and "Log in with EU Login" in page
    assert f'href="{eva}/acl_users/oidc/login' in page
    assert 'id="__ac_password"' in page  # pupils log in here


def test_the_password_form_can_be_folded_for_teachers(eva):
    set_sso(hide_local_login=True)
    transaction.commit()
    page = requests.get(f"{eva}/login", timeout=30).text
    assert 'id="login-form-folded"' in page and 'id="__ac_password"' in page


def test_no_button_when_the_provider_is_not_configured(sso_site):
    set_sso(issuer="")
    transaction.commit()
    page = requests.get(f"{sso_site.absolute_url()}/login", timeout=30).text
    assert "sso-login-button" not in page and 'id="__ac_password"' in page


# The ID token checks, on their own: (claims, expected refusal)
TOKENS = [
    ({"aud": CLIENT_ID, "nonce": "n-1", "sub": "s"}, False),
    ({"aud": [CLIENT_ID, "other"], "azp": CLIENT_ID, "nonce": "n-1", "sub": "s"}, False),
    ({"aud": "another-portal", "nonce": "n-1", "sub": "s"}, True),
    ({"aud": [CLIENT_ID], "azp": "another-portal", "nonce": "n-1", "sub": "s"}, True),
    ({"aud": CLIENT_ID, "nonce": "n-2", "sub": "s"}, True),
    ({"aud": CLIENT_ID, "sub": "s"}, True),
    ({"aud": CLIENT_ID, "nonce": "n-1"}, True),
]


@pytest.mark.parametrize("claims,refuse", TOKENS)
def test_id_token_checks(claims, refuse):
    if refuse:
        with pytest.raises(LoginRefused):
            check_id_token(claims, CLIENT_ID, "n-1", "EU Login")
    else:
        assert check_id_token(claims, CLIENT_ID, "n-1", "EU Login")["sub"] == "s"
