"""``@@notifications``: the current user's notifications (unread first) and a form marking them all read."""

from collective.twinning import _
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.collaboration import notifications
from plone import api
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized


PAGE_SIZE = 50


class NotificationsView(TwinningView):
    """GET lists what ``collaboration.notifications`` keeps for the user; POST marks it all read."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your notifications.")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            notifications.mark_read(self.userid)
            IStatusMessage(self.request).add(
                self.translate(_("All notifications are marked as read.")), type="info"
            )
            return self.request.response.redirect(f"{self.context.absolute_url()}/@@notifications")
        return self.index()

    def listing(self) -> dict:
        result = notifications.listing(self.userid, 0, PAGE_SIZE)
        for item in result["items"]:
            item["title"] = self.translate(item["title"])
            item["date"] = item["date"][:16].replace("T", " ")
        return result
