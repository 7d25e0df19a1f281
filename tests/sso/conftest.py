"""An OpenID Connect provider on loopback (oidc-provider-mock) and a portal set to use it.

The provider is a real one: discovery, an authorization form, a token endpoint signing
RS256 ID tokens, userinfo and end-session. It accepts any client id and secret, and
``PUT /users/<sub>`` sets the claims it gives for a subject.
"""

from plone import api
from plone.app.testing import applyProfile
from urllib.parse import quote

import oidc_provider_mock
import pytest
import requests
import transaction


CLIENT_ID = "twinning-portal"
CLIENT_SECRET = "portal-secret-2026"
PROVIDER_NAME = "EU Login"


class Provider:
    def __init__(self, url: str):
        self.url = url

    def set_user(self, sub: str, **claims) -> None:
        """The claims the provider gives for ``sub`` (besides ``sub`` itself)."""
        response = requests.put(f"{self.url}/users/{quote(sub, safe='')}", json=claims, timeout=10)
        assert response.status_code == 204, response.text


@pytest.fixture(scope="session")
def provider():
    with oidc_provider_mock.run_server_in_thread(port=0) as server:
        yield Provider(f"http://localhost:{server.server_port}")


def set_sso(**records) -> None:
    for name, value in records.items():
        api.portal.set_registry_record(f"collective.twinning.sso.{name}", value)


@pytest.fixture
def sso_portal(portal, monkeypatch):
    """The integration portal with the sso profile and a provider named (not reached)."""
    for variable in ("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"):
        monkeypatch.delenv(variable, raising=False)
    applyProfile(portal, "collective.twinning:sso")
    set_sso(issuer="https://login.example.org", client_id=CLIENT_ID, provider_name=PROVIDER_NAME)
    return portal


@pytest.fixture
def sso_site(functional_portal, provider, monkeypatch):
    """The functional portal (a real WSGI server) set to log in through ``provider``; committed."""
    for variable in ("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"):
        monkeypatch.delenv(variable, raising=False)
    applyProfile(functional_portal, "collective.twinning:sso")
    set_sso(
        issuer=provider.url, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, provider_name=PROVIDER_NAME
    )
    transaction.commit()
    return functional_portal
