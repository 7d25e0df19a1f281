"""Put the login lockout first among the site's authentication plugins, or take it away."""

from collective.twinning.lockout.plugin import LoginLockout
from collective.twinning.lockout.plugin import PLUGIN_ID
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin


def install(portal=None) -> LoginLockout:
    pas = (portal or api.portal.get()).acl_users
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, LoginLockout(PLUGIN_ID, "Login lockout (collective.twinning)"))
    plugin = pas[PLUGIN_ID]
    plugin.manage_activateInterfaces(["IAuthenticationPlugin"])
    registry = pas.plugins
    while registry.listPlugins(IAuthenticationPlugin)[0][0] != PLUGIN_ID:
        registry.movePluginsUp(IAuthenticationPlugin, [PLUGIN_ID])
    return plugin


def uninstall(portal=None) -> None:
    pas = (portal or api.portal.get()).acl_users
    if PLUGIN_ID in pas.objectIds():
        pas.manage_delObjects([PLUGIN_ID])


def lockout_plugin(portal=None) -> LoginLockout | None:
    return (portal or api.portal.get()).acl_users.get(PLUGIN_ID)


def unlock_on_new_password(principal, event) -> None:
    """A new password (the user's, a reset's, an administrator's) lifts the lock."""
    plugin = lockout_plugin()
    if plugin is not None:
        plugin.unlock(principal.getUserName())
