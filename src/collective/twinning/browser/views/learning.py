"""Learning events in the Classic UI: the list, an event's page, its forms, certificate checks.

The forms call the functions the REST services call (``@register``, ``@attendance``);
``my_learning`` gives My space its certificates and upcoming registrations.
"""

from collective.twinning import _
from collective.twinning.browser.views.base import FormHandler
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.concurrency import one_writer
from collective.twinning.learning.attendance import attendance
from collective.twinning.learning.attendance import mark
from collective.twinning.learning.certificates import certificates_of
from collective.twinning.learning.certificates import kind_title
from collective.twinning.learning.certificates import verify
from collective.twinning.learning.ledger import entries_of
from collective.twinning.learning.ledger import REGISTERED
from collective.twinning.learning.ledger import WAITING
from collective.twinning.learning.registrations import register
from collective.twinning.learning.registrations import registration_open
from collective.twinning.learning.registrations import seats_of
from collective.twinning.learning.registrations import status_of
from collective.twinning.learning.registrations import unregister
from datetime import date
from datetime import datetime
from datetime import UTC
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


ADD = "collective.twinning: Add LearningEvent"
REGISTER = "collective.twinning: Register for learning events"
MANAGE = "collective.twinning: Manage learning event"
LANGUAGES = "collective.twinning.vocabularies.Languages"
PAST_SHOWN = 20
MAX_CODE = 40


def _day(value) -> str:
    return api.portal.get_localized_time(value.isoformat()) if value else ""


def _when(value) -> str:
    return api.portal.get_localized_time(value.isoformat(), long_format=True) if value else ""


def seats_left(event) -> int:
    return max(event.capacity - seats_of(event).taken, 0)


def event_summary(view, event) -> dict:
    """What a list shows of an event: title, kind, dates, language, hours, seats."""
    seats = seats_of(event)
    return {
        "id": event.getId(),
        "title": event.Title(),
        "url": event.absolute_url(),
        "kind": event.kind,
        "kind_title": kind_title(event, view.request),
        "start": _when(event.start),
        "end": _when(event.end),
        "language": view.term_title(LANGUAGES, event.language),
        "hours": event.hours,
        "capacity": event.capacity,
        "seats_left": seats_left(event),
        "waiting": len(seats.waiting),
        "state": api.content.get_state(obj=event, default=""),
        "state_title": view.state_title(event),
    }


def my_learning(userid: str | None, request) -> dict:
    """My space: the teacher's certificates and the upcoming events they registered or wait for."""
    if not userid:
        return {"certificates": [], "upcoming": []}
    certificates = certificates_of(userid, request)
    for item in certificates:
        item["date"] = _day(date.fromisoformat(item["date"])) if item["date"] else ""
    now = datetime.now(UTC).isoformat()
    wanted = {
        uid: entry
        for uid, entry in entries_of(userid)
        if entry["status"] in (REGISTERED, WAITING) and (entry.get("end") or now) >= now
    }
    upcoming = []
    if wanted:
        # The catalog with the user's rights: an event retracted since is not listed.
        for brain in api.content.find(portal_type="LearningEvent", UID=list(wanted), sort_on="start"):
            event = brain.getObject()
            status = status_of(event, userid)
            if status["status"] is None:
                continue
            upcoming.append(
                {
                    "id": brain.getId,
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "start": _when(event.start),
                    "status": status["status"],
                    "position": status["position"],
                    "status_text": translate(
                        _("Waiting list: position ${position}", mapping={"position": status["position"]}),
                        context=request,
                    )
                    if status["position"]
                    else "",
                }
            )
    return {"certificates": certificates, "upcoming": upcoming}


class LearningEventsPage(TwinningView):
    """``@@learning-events``: the upcoming events (soonest first), then the last past ones."""

    def _events(self, **query) -> list[dict]:
        brains = api.content.find(portal_type="LearningEvent", **query)
        return [event_summary(self, brain.getObject()) for brain in brains]

    def upcoming(self) -> list[dict]:
        now = datetime.now(UTC)
        return self._events(end={"query": now, "range": "min"}, sort_on="start")

    def past(self) -> list[dict]:
        now = datetime.now(UTC)
        return self._events(
            end={"query": now, "range": "max"}, sort_on="end", sort_order="descending", sort_limit=PAST_SHOWN
        )[:PAST_SHOWN]

    def container(self):
        return api.portal.get().get("learning")

    def add_url(self) -> str | None:
        """Plone's add form of a LearningEvent in /learning, for its organisers."""
        container = self.container()
        if container is None or not self.may(ADD, container):
            return None
        return f"{container.absolute_url()}/++add++LearningEvent"


class LearningEventsLink(ViewletBase):
    """On the /learning folder: a link to the events page (the folder keeps Plone's listing)."""

    def available(self) -> bool:
        portal = api.portal.get()
        return self.context.getId() == "learning" and self.context.aq_parent.aq_base is portal.aq_base

    def render(self):
        return self.index() if self.available() else ""


class LearningEventView(TwinningView):
    """The page of a learning event: details, my registration, attendance for its organisers."""

    def details(self) -> dict:
        event = self.context
        return {
            **event_summary(self, event),
            "opens": _day(event.registration_opens),
            "closes": _day(event.registration_closes),
            "country": self.country_title(event.country) if event.country else "",
            "location": getattr(event, "location", "") or "",
        }

    def registration_is_open(self) -> bool:
        return registration_open(self.context, date.today())

    def may_register(self) -> bool:
        return self.userid is not None and self.may(REGISTER)

    def may_manage(self) -> bool:
        return self.may(MANAGE)

    def mine(self) -> dict:
        """My place: status (registered, waiting, None), position, completed, certificate."""
        if self.userid is None:
            return {"status": "anonymous", "position": None, "completed": False}
        status = status_of(self.context, self.userid)
        if status["completed"]:
            status["status"] = "completed"
        return status

    def status_text(self) -> str:
        mine = self.mine()
        match mine["status"]:
            case "completed":
                message = _("You completed this event.")
            case "registered":
                message = _("You are registered.")
            case "waiting":
                message = _(
                    "You are on the waiting list at position ${position}.",
                    mapping={"position": mine["position"]},
                )
            case _other:
                return ""
        return self.translate(message)

    def window_text(self) -> str:
        return self.translate(
            _(
                "Registration is open from ${opens} to ${closes}.",
                mapping={
                    "opens": _day(self.context.registration_opens),
                    "closes": _day(self.context.registration_closes),
                },
            )
        )

    def certificate_url(self) -> str:
        return f"{self.context.absolute_url()}/@certificate"

    def started(self) -> bool:
        start = getattr(self.context, "start", None)
        return start is not None and start <= datetime.now(UTC)

    def attendance(self) -> dict:
        return attendance(self.context)

    def login_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/login?came_from={self.context.absolute_url()}"

    def events_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/@@learning-events"


class RegisterHandler(FormHandler):
    """``@@learning-register`` (``POST @register``): a seat, or a place in the waiting list."""

    def act(self):
        one_writer(self.context)
        status, new = register(self.context, self.userid)
        if status["status"] == WAITING:
            return _(
                "The event is full: you are on the waiting list at position ${position}.",
                mapping={"position": status["position"]},
            )
        if not new:
            return _("You are already registered.")
        return _("You are registered.")


class UnregisterHandler(FormHandler):
    """``@@learning-unregister`` (``DELETE @register``): give the seat back."""

    def act(self):
        one_writer(self.context)
        unregister(self.context, self.userid)
        return _("Your registration is withdrawn.")


def _ids(form, name: str) -> list[str]:
    value = form.get(name, [])
    values = [value] if isinstance(value, str) else value
    return [item.strip() for item in values if isinstance(item, str) and item.strip()]


class AttendanceHandler(FormHandler):
    """``@@learning-attendance`` (``POST @attendance``): the ticked teachers completed, the
    others shown in the form did not."""

    fields = ("completed",)

    def act(self):
        completed = _ids(self.request.form, "completed")
        shown = _ids(self.request.form, "shown")
        not_completed = [userid for userid in shown if userid not in completed]
        one_writer(self.context)
        result = mark(self.context, {"completed": completed, "not_completed": not_completed})
        done = sum(1 for person in result["registered"] if person["completed"])
        return _("Attendance recorded: ${count} completed.", mapping={"count": done})


@implementer(IPublishTraverse)
class VerifyCertificatePage(TwinningView):
    """``@verify-certificate`` for browsers: the address printed on certificates
    (``@verify-certificate/<code>``) and a form (``?code=``); ``@verify-certificate`` answers JSON."""

    code_in_path = None

    def publishTraverse(self, request, name):
        if self.code_in_path is None:
            self.code_in_path = name
            return self
        raise NotFound(name)  # one code only

    def code(self) -> str:
        value = self.code_in_path if self.code_in_path is not None else self.request.form.get("code", "")
        return value.strip() if isinstance(value, str) else ""

    def result(self) -> dict | None:
        """None before a code is given; else the verification, dates as the reader reads them."""
        code = self.code()
        if not code:
            return None
        if len(code) > MAX_CODE:
            return {"valid": False, "code": code[:MAX_CODE]}
        found = verify(code)
        if found.get("valid") and found.get("date"):
            found["date"] = _day(date.fromisoformat(found["date"]))
        return found

    def action_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/@verify-certificate"
