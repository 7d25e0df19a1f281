"""Marker interfaces of collective.twinning."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IBrowserLayer(IDefaultBrowserLayer):
    """Browser layer, active once the add-on is installed in a site."""


class IHasRoster(Interface):
    """A place with a roster of members and local roles: a TwinSpace or a Group
    (membership.roster.roster_of); ``@members`` and the local role provider."""
