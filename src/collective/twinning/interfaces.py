"""Marker interfaces of collective.twinning."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Browser layer, active once the add-on is installed in a site."""
