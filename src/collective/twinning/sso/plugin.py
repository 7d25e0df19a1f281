"""pas.plugins.oidc's plugin, configured from the registry and the environment at each use.

It is added with the id ``oidc`` (redirect URI ``<portal>/acl_users/oidc/callback``) and
no active PAS interface: Plone's login form stays the challenge, with a button that
starts the provider's login (``views``). Its settings come from ``sso_settings()``;
what it decides about accounts comes from ``accounts``.
"""

from AccessControl.class_init import InitializeClass
from collective.twinning.sso import accounts
from collective.twinning.sso.settings import sso_settings
from pas.plugins.oidc.plugins import IOIDCPlugin
from pas.plugins.oidc.plugins import OIDCPlugin
from Products.PlonePAS.events import UserInitialLoginInEvent
from Products.PlonePAS.events import UserLoggedInEvent
from zope.event import notify
from zope.interface import implementer


PLUGIN_ID = "oidc"
# Fixed properties of the plugin (pas.plugins.oidc's names).
FIXED = {
    "use_pkce": True,
    "create_user": True,
    "create_groups": False,
    "create_ticket": True,
    "create_restapi_ticket": False,
    "use_session_data_manager": False,
    "user_property_as_userid": "sub",
}


class ITwinningOIDCPlugin(IOIDCPlugin):
    """The add-on's OpenID Connect plugin (its views: ``views``)."""


@implementer(ITwinningOIDCPlugin)
class TwinningOIDCPlugin(OIDCPlugin):
    meta_type = "collective.twinning OIDC plugin"
    _identities = None

    def getProperty(self, id, d=None):  # noqa: A002 - PAS and PropertyManager name it id
        """Issuer, client, secret and scopes from the settings; PKCE always on."""
        settings = sso_settings()
        match id:
            case "issuer" | "client_id" | "client_secret":
                return getattr(settings, id)
            case "scope":
                return settings.scopes
            case "title":
                return settings.provider_name or super().getProperty(id, d)
        if id in FIXED:
            return FIXED[id]
        return super().getProperty(id, d)

    def sign_in(self, claims: dict, issuer: str) -> str:
        """Log the provider's user in to its account (made or linked); LoginRefused says why not."""
        settings = sso_settings()
        userid, made = accounts.account_for(self, issuer, claims, settings)
        user = self._getPAS().getUserById(userid)
        if made:
            notify(UserInitialLoginInEvent(user))
        notify(UserLoggedInEvent(user))
        self._setup_ticket(userid)
        return userid

    def rememberIdentity(self, userinfo):
        """pas.plugins.oidc's entry point, our rules."""
        return self.sign_in(dict(userinfo), sso_settings().issuer)


InitializeClass(TwinningOIDCPlugin)
