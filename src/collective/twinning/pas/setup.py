"""Put the add-on's PAS plugin in a site's acl_users (install and upgrade), or take it out."""

from collective.twinning.pas.plugin import PLUGIN_ID
from collective.twinning.pas.plugin import TwinningGroups
from Products.PlonePAS.interfaces.group import IGroupIntrospection
from Products.PluggableAuthService.interfaces.plugins import IGroupEnumerationPlugin
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin


INTERFACES = (IGroupsPlugin, IGroupEnumerationPlugin, IGroupIntrospection)


def install_plugin(portal) -> TwinningGroups:
    """Add and activate the plugin; it answers last among the groups plugins."""
    acl_users = portal.acl_users
    if PLUGIN_ID not in acl_users.objectIds():
        acl_users._setObject(PLUGIN_ID, TwinningGroups())
    plugins = acl_users.plugins
    for interface in INTERFACES:
        if PLUGIN_ID not in plugins.listPluginIds(interface):
            plugins.activatePlugin(interface, PLUGIN_ID)
    return acl_users[PLUGIN_ID]


def remove_plugin(portal) -> None:
    if PLUGIN_ID in portal.acl_users.objectIds():
        portal.acl_users._delObject(PLUGIN_ID)
