"""The effective SSO settings: the registry's, with the three environment variables winning.

The environment is read when the settings are used, so a restart with new values
applies without touching the database, and a secret given there is never stored.
"""

from collective.twinning.sso.interfaces import ISSOSettings
from dataclasses import dataclass
from dataclasses import field
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility

import os


PREFIX = "collective.twinning.sso"
ENVIRONMENT = {"issuer": "OIDC_ISSUER", "client_id": "OIDC_CLIENT_ID", "client_secret": "OIDC_CLIENT_SECRET"}


@dataclass(frozen=True)
class SSOSettings:
    provider_name: str = ""
    issuer: str = ""
    client_id: str = ""
    client_secret: str = ""
    scopes: tuple[str, ...] = ("openid", "profile", "email")
    claim_fullname: str = "name"
    claim_email: str = "email"
    claim_country: str = "country"
    allow_linking: bool = False
    sso_only_for_staff: bool = False
    hide_local_login: bool = False
    installed: bool = field(default=False)

    @property
    def configured(self) -> bool:
        """Installed, with an issuer and a client: the login button shows, the switches apply."""
        return self.installed and bool(self.issuer and self.client_id)


def sso_settings() -> SSOSettings:
    """The registry's records (defaults when the profile is not installed), then the environment."""
    registry = queryUtility(IRegistry)
    values = {}
    installed = False
    if registry is not None:
        proxy = registry.forInterface(ISSOSettings, prefix=PREFIX, check=False)
        installed = f"{PREFIX}.issuer" in registry.records
        if installed:
            for name in ISSOSettings.names():
                value = getattr(proxy, name, None)
                if value is not None:
                    values[name] = tuple(value) if isinstance(value, list) else value
    for name, variable in ENVIRONMENT.items():
        if os.environ.get(variable, "").strip():
            values[name] = os.environ[variable].strip()
    return SSOSettings(installed=installed, **values)
