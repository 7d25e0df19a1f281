"""Online meetings: an unguessable room per meeting, the join window, who is invited.

``join(meeting, userid)`` answers ``{"url", "opens", "closes"}`` for an invited
member from 15 minutes before the (next) occurrence starts until it ends.
"""

from collective.twinning import _
from collective.twinning.collaboration.places import ADMIN_ROLES
from collective.twinning.collaboration.places import place_of
from collective.twinning.collaboration.places import role_in
from collective.twinning.collaboration.places import TEACHER_ROLES
from collective.twinning.collaboration.settings import setting
from collective.twinning.collaboration.video import Attendee
from collective.twinning.collaboration.video import IVideoService
from collective.twinning.collaboration.video import ServerSettings
from collective.twinning.errors import FieldError
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from zExceptions import Forbidden
from zope.component import getUtility

import itertools
import secrets


EARLY = timedelta(minutes=15)
LOOK_AHEAD = 400  # occurrences of a recurring meeting looked at for the next window


def give_room(meeting, event=None) -> None:
    """A new (or copied) meeting gets its own unguessable room name."""
    meeting.room = f"twinning-{secrets.token_urlsafe(18)}"


def is_invited(meeting, userid: str | None) -> bool:
    role = role_in(place_of(meeting), userid)
    if role is None:
        return False
    return meeting.invitees != "teachers" or role in TEACHER_ROLES


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def occurrences(meeting):
    """(start, end) of each occurrence, in order (the meeting itself when it does not recur)."""
    from plone.event.interfaces import IRecurrenceSupport

    support = IRecurrenceSupport(meeting, None)
    if support is None or not getattr(meeting, "recurrence", None):
        yield _aware(meeting.start), _aware(meeting.end)
        return
    for occurrence in support.occurrences():
        yield _aware(occurrence.start), _aware(occurrence.end)


def window(meeting, now: datetime | None = None) -> tuple[datetime, datetime] | None:
    """(opens, closes) of the current or next occurrence; None when all are over."""
    now = now or datetime.now(UTC)
    for start, end in itertools.islice(occurrences(meeting), LOOK_AHEAD):
        if end >= now:
            return start - EARLY, end
    return None


def is_open_now(meeting, now: datetime | None = None) -> bool:
    now = now or datetime.now(UTC)
    current = window(meeting, now)
    return current is not None and current[0] <= now <= current[1]


def server_settings() -> ServerSettings:
    return ServerSettings(
        server=setting("meeting_server"),
        secret=setting("meeting_jwt_secret") or "",
        app_id=setting("meeting_jwt_app_id") or "",
        audience=setting("meeting_jwt_audience") or "",
    )


def join(meeting, userid: str | None, now: datetime | None = None) -> dict:
    """The room's address for an invited member while the meeting is open."""
    if not is_invited(meeting, userid):
        raise Forbidden("Only the members invited to this meeting may join it.")
    now = now or datetime.now(UTC)
    current = window(meeting, now)
    if current is None:
        raise FieldError("end", _("The meeting is over."))
    opens, closes = current
    if now < opens:
        raise FieldError(
            "start",
            _(
                "The meeting opens at ${opens} (15 minutes before it starts).",
                mapping={"opens": opens.isoformat()},
            ),
        )
    user = api.user.get(userid=userid)
    attendee = Attendee(
        userid=userid,
        fullname=(user.getProperty("fullname", "") if user is not None else "") or userid,
        moderator=role_in(place_of(meeting), userid) in ADMIN_ROLES,
    )
    service = getUtility(IVideoService, name=setting("meeting_service"))
    if not meeting.room:
        give_room(meeting)
    url = service.join_url(server_settings(), meeting.room, meeting.Title(), attendee, closes)
    return {"url": url, "opens": opens.isoformat(), "closes": closes.isoformat()}
