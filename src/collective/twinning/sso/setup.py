"""The profile ``collective.twinning:sso``: the OIDC plugin and the password guard in acl_users."""

from collective.twinning import logger
from collective.twinning.sso.accounts import forget_account
from collective.twinning.sso.passwords import install_guard
from collective.twinning.sso.passwords import remove_guard
from collective.twinning.sso.plugin import ITwinningOIDCPlugin
from collective.twinning.sso.plugin import PLUGIN_ID
from collective.twinning.sso.plugin import TwinningOIDCPlugin
from plone import api


def install_sso(portal) -> TwinningOIDCPlugin:
    """Add the add-on's OIDC plugin as ``oidc`` (replacing pas.plugins.oidc's own) and the guard.

    The plugin activates no PAS interface: Plone's login form stays the challenge (pupils
    and local accounts log in there), with the provider's button beside it.
    """
    pas = portal.acl_users
    existing = pas._getOb(PLUGIN_ID, None)
    if existing is not None and not ITwinningOIDCPlugin.providedBy(existing):
        logger.info("Replacing %s (%s) by the add-on's OIDC plugin", PLUGIN_ID, existing.meta_type)
        pas._delObject(PLUGIN_ID)
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, TwinningOIDCPlugin(PLUGIN_ID, title="OpenID Connect"))
    plugin = pas[PLUGIN_ID]
    plugin.manage_activateInterfaces([])
    install_guard(pas)
    return plugin


def uninstall_sso(portal) -> None:
    pas = portal.acl_users
    remove_guard(pas)
    if PLUGIN_ID in pas.objectIds() and ITwinningOIDCPlugin.providedBy(pas[PLUGIN_ID]):
        pas._delObject(PLUGIN_ID)


def post_install(context) -> None:
    install_sso(api.portal.get())


def account_deleted(principal, event) -> None:
    principal_id = principal if isinstance(principal, str) else principal.getId()
    plugin = api.portal.get_tool("acl_users")._getOb(PLUGIN_ID, None)
    if principal_id and plugin is not None and ITwinningOIDCPlugin.providedBy(plugin):
        forget_account(plugin, principal_id)
