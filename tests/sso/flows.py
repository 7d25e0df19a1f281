"""A browser's way through the provider's login, made of HTTP requests (requests.Session)."""

from urllib.parse import parse_qs
from urllib.parse import unquote
from urllib.parse import urlencode
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

import base64
import json
import requests


def start(portal_url: str, browser: requests.Session | None = None) -> tuple[requests.Session, str]:
    """Press "Log in with …": the browser (with its state cookie) and the provider's authorization URL."""
    browser = browser or requests.Session()
    response = browser.get(f"{portal_url}/acl_users/oidc/login", allow_redirects=False, timeout=30)
    assert response.status_code == 302, response.text
    return browser, response.headers["Location"]


def query(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def with_query(url: str, **changes) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode({**query(url), **changes})))


def authorize(authorization_url: str, sub: str) -> str:
    """The person says who they are at the provider: the callback URL it sends them back to."""
    response = requests.post(authorization_url, data={"sub": sub}, allow_redirects=False, timeout=30)
    assert response.status_code == 302, response.text
    return response.headers["Location"]


def login_state(browser: requests.Session) -> dict:
    """pas.plugins.oidc's cookie: state, nonce, PKCE verifier (base64 JSON)."""
    raw = next(cookie.value for cookie in browser.cookies if cookie.name == "__ac_session")
    return json.loads(base64.b64decode(unquote(raw.strip('"'))))


def is_logged_in_as(browser: requests.Session, portal_url: str, userid: str) -> bool:
    """Whether the portal takes this browser for ``userid`` (its own account data over REST)."""
    response = browser.get(
        f"{portal_url}/@users/{userid}", headers={"Accept": "application/json"}, timeout=30
    )
    return response.status_code == 200 and response.json()["id"] == userid
