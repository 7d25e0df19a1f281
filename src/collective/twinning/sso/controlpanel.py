"""Site Setup → "Log in with an identity provider": the registry's SSO settings."""

from collective.twinning import _
from collective.twinning.sso.interfaces import ISSOSettings
from collective.twinning.sso.settings import PREFIX
from plone.app.registry.browser import controlpanel


class SSOSettingsForm(controlpanel.RegistryEditForm):
    schema = ISSOSettings
    schema_prefix = PREFIX
    label = _("Log in with an identity provider")
    description = _(
        "OpenID Connect. The environment variables OIDC_ISSUER, OIDC_CLIENT_ID and "
        "OIDC_CLIENT_SECRET, when set, win over the issuer, client ID and secret given here."
    )


class SSOSettingsControlPanel(controlpanel.ControlPanelFormWrapper):
    form = SSOSettingsForm
