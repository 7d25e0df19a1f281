"""Registrations for a learning event: seats up to its capacity, then a waiting list (FIFO).

Each event keeps a ``Seats`` object in its annotations: the registered teachers and
the waiting list in BTrees, and two counters on the object itself. Every change
writes those counters, so two processes changing one event at once conflict and
one of them retries on the new state: the seats taken never exceed the capacity.
Inside a process, the services call ``concurrency.one_writer(event)`` first.
"""

from BTrees.IOBTree import IOBTree
from BTrees.OOBTree import OOBTree
from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.learning import ledger
from collective.twinning.learning.ledger import REGISTERED
from collective.twinning.learning.ledger import WAITING
from datetime import date
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from zExceptions import NotFound
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.twinning.seats"


class Seats(Persistent):
    def __init__(self):
        self.registered = OOBTree()  # userid -> order of registration
        self.waiting = IOBTree()  # order -> userid: the waiting list, first come first served
        self.waiting_of = OOBTree()  # userid -> order in waiting
        self.completed = OOBTree()  # userid -> {"code", "date"}
        self.taken = 0  # len(registered), written with every change (see the module)
        self.next_order = 1


def seats_of(event, create: bool = False) -> Seats:
    annotations = IAnnotations(event)
    found = annotations.get(ANNOTATION_KEY)
    if found is None:
        if not create:
            return Seats()
        found = annotations[ANNOTATION_KEY] = Seats()
    return found


def status_of(event, userid: str) -> dict:
    """The user's place: registered, waiting (with the position) or none; seats left."""
    seats = seats_of(event)
    result = {
        "status": None,
        "position": None,
        "capacity": event.capacity,
        "registered": seats.taken,
        "waiting": len(seats.waiting),
        "completed": userid in seats.completed,
    }
    if userid in seats.registered:
        result["status"] = REGISTERED
    elif userid in seats.waiting_of:
        result["status"] = WAITING
        result["position"] = position(seats, userid)
    return result


def position(seats: Seats, userid: str) -> int:
    """1 for the first in the waiting list."""
    order = seats.waiting_of[userid]
    return len(seats.waiting.keys(max=order))


def registration_open(event, today: date) -> bool:
    return event.registration_opens <= today <= event.registration_closes


def _touch(seats: Seats) -> None:
    seats.taken = len(seats.registered)
    seats._p_changed = True


def register(event, userid: str, today: date | None = None) -> tuple[dict, bool]:
    """Take a seat, or a place in the waiting list; (status, whether it is new)."""
    today = today or date.today()
    seats = seats_of(event, create=True)
    if userid in seats.registered or userid in seats.waiting_of:
        return status_of(event, userid), False
    if not registration_open(event, today):
        raise FieldError(
            "registration",
            _(
                "Registration is open from ${opens} to ${closes}.",
                mapping={
                    "opens": event.registration_opens.isoformat(),
                    "closes": event.registration_closes.isoformat(),
                },
            ),
        )
    order = seats.next_order
    seats.next_order = order + 1
    if len(seats.registered) < event.capacity:
        seats.registered[userid] = order
        ledger.record(event, userid, REGISTERED)
    else:
        seats.waiting[order] = userid
        seats.waiting_of[userid] = order
        ledger.record(event, userid, WAITING)
    _touch(seats)
    return status_of(event, userid), True


def unregister(event, userid: str) -> dict:
    """Give the seat (or the place in the waiting list) back; the first waiting takes it."""
    seats = seats_of(event)
    if userid in seats.completed:
        raise FieldError("registration", _("You completed this event: your registration stays."))
    if userid in seats.registered:
        del seats.registered[userid]
    elif userid in seats.waiting_of:
        del seats.waiting[seats.waiting_of[userid]]
        del seats.waiting_of[userid]
    else:
        raise NotFound("You are not registered for this event.")
    ledger.forget(event, userid)
    promote(event, seats)
    return status_of(event, userid)


def promote(event, seats: Seats | None = None) -> list[str]:
    """Seat the first of the waiting list while there are seats; who was seated."""
    seats = seats or seats_of(event)
    seated = []
    while len(seats.registered) < event.capacity and len(seats.waiting):
        order = seats.waiting.minKey()
        userid = seats.waiting[order]
        del seats.waiting[order]
        del seats.waiting_of[userid]
        seats.registered[userid] = order
        ledger.record(event, userid, REGISTERED)
        seated.append(userid)
    _touch(seats)
    return seated


def registered_ids(event) -> list[str]:
    """The registered teachers, in the order they registered."""
    seats = seats_of(event)
    return [userid for userid, _order in sorted(seats.registered.items(), key=lambda item: item[1])]


def waiting_ids(event) -> list[str]:
    return list(seats_of(event).waiting.values())


def is_upcoming(event, now: datetime | None = None) -> bool:
    end = getattr(event, "end", None)
    now = now or datetime.now(UTC)
    return end is None or end >= now
