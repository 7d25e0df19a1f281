"""The collaboration page of a TwinSpace or Group: pinned posts first, the bulletin (teachers) and
the wall, the forums, the next meeting with its Join button when open, the polls."""

from collective.twinning.collaboration import likes
from collective.twinning.collaboration import notifications
from collective.twinning.collaboration.meetings import is_invited
from collective.twinning.collaboration.meetings import join
from collective.twinning.collaboration.meetings import window
from collective.twinning.collaboration.places import channels_for
from collective.twinning.errors import FieldError
from datetime import datetime
from datetime import UTC
from plone import api
from plone.app.discussion.interfaces import IConversation
from Products.Five.browser import BrowserView
from zExceptions import Forbidden


class CollaborationView(BrowserView):
    def _userid(self) -> str | None:
        return api.user.get_current().getId()

    def _find(self, portal_type: str, **query) -> list:
        return api.content.find(
            context=self.context, portal_type=portal_type, sort_on="created", sort_order="descending", **query
        )

    def posts(self, channel: str) -> list[dict]:
        """The posts of a channel the user may see, pinned first, newest first."""
        state = "bulletin" if channel == "bulletin" else ["wall", "public"]
        objects = [brain.getObject() for brain in self._find("Post", review_state=state, sort_limit=50)[:50]]
        objects.sort(key=lambda post: not post.pinned)
        userid = self._userid()
        return [
            {
                "url": post.absolute_url(),
                "id": post.getId(),
                "text": post.text.output if post.text else "",
                "author": post.Creator(),
                "date": post.created().ISO8601(),
                "pinned": bool(post.pinned),
                "comments": len(IConversation(post)),
                "likes": likes.summary(post, userid)["count"],
            }
            for post in objects
        ]

    def unread_notifications(self) -> int | None:
        """How many of the user's notifications are unread (None for anonymous visitors)."""
        userid = self._userid()
        return notifications.unread_count(userid) if userid else None

    def may_read_bulletin(self) -> bool:
        return self.context.portal_type == "TwinSpace" and "bulletin" in channels_for(
            self.context, self._userid()
        )

    def may_add(self, portal_type: str) -> bool:
        return bool(api.user.has_permission(f"collective.twinning: Add {portal_type}", obj=self.context))

    def forums(self) -> list[dict]:
        return [
            {
                "title": forum.Title,
                "url": forum.getURL(),
                "threads": [
                    {"title": t.Title, "url": t.getURL()} for t in self._find("Thread", path=forum.getPath())
                ],
            }
            for forum in self._find("Forum")
        ]

    def meetings(self) -> list[dict]:
        now = datetime.now(UTC)
        result = []
        for brain in self._find("Meeting"):
            meeting = brain.getObject()
            current = window(meeting, now)
            if current is None:
                continue
            result.append(
                {
                    "title": meeting.Title(),
                    "url": meeting.absolute_url(),
                    "opens": current[0],
                    "open": current[0] <= now <= current[1] and is_invited(meeting, self._userid()),
                }
            )
        result.sort(key=lambda item: item["opens"])
        for item in result:
            item["opens"] = item["opens"].isoformat(timespec="minutes")
        return result

    def polls(self) -> list[dict]:
        return [{"title": brain.Title, "url": brain.getURL()} for brain in self._find("Poll")]


class JoinMeetingView(BrowserView):
    """The Join button: off to the room, or back to the meeting saying when it opens."""

    def __call__(self):
        try:
            url = join(self.context, api.user.get_current().getId())["url"]
        except (FieldError, Forbidden) as error:
            api.portal.show_message(
                str(getattr(error, "message", error)), request=self.request, type="warning"
            )
            url = self.context.absolute_url()
        return self.request.response.redirect(url)
