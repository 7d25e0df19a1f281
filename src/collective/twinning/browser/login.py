"""Where a person lands after logging in: validators on their dashboard, the others on My space.

Plone's login form asks an ``IRedirectAfterLogin`` adapter. A person who logged in from a
page of the portal (``came_from``) goes back there; from the front page (or with nothing to
go back to) they land where their work is.
"""

from collective.twinning.interfaces import IBrowserLayer
from plone import api
from plone.base.interfaces import IRedirectAfterLogin
from urllib.parse import urlsplit
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


FRONT_VIEWS = ("", "view", "@@twinning-home", "twinning-home", "index_html", "logged_out", "@@logged_out")


def landing_url(portal, user) -> str:
    """The dashboard for whoever may read its statistics (validators), else My space."""
    if api.user.has_permission("collective.twinning: View statistics", user=user, obj=portal):
        return f"{portal.absolute_url()}/@@twinning-dashboard"
    return f"{portal.absolute_url()}/@@my-space"


def is_front_page(url: str | None, portal_url: str) -> bool:
    if not url:
        return True
    path = urlsplit(url).path.rstrip("/")
    portal_path = urlsplit(portal_url).path.rstrip("/")
    if not path.startswith(portal_path):
        return False
    return path[len(portal_path) :].lstrip("/") in FRONT_VIEWS


@implementer(IRedirectAfterLogin)
@adapter(Interface, IBrowserLayer)
class LandingAfterLogin:
    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, came_from=None, is_initial_login=False):
        portal = api.portal.get()
        if not is_front_page(came_from, portal.absolute_url()):
            return came_from
        return landing_url(portal, api.user.get_current())
