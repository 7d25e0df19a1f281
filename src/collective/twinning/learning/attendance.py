"""Attendance: the organisers mark who completed a learning event; each gets a certificate code.

Only registered teachers are marked, once the event has started; un-marking one
withdraws the certificate (its code no longer verifies).
"""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.learning import ledger
from collective.twinning.learning.ledger import COMPLETED
from collective.twinning.learning.ledger import REGISTERED
from collective.twinning.learning.registrations import registered_ids
from collective.twinning.learning.registrations import seats_of
from collective.twinning.learning.registrations import waiting_ids
from datetime import datetime
from datetime import UTC
from plone import api

import secrets


ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from paper
MAX_MARKED = 10000


def new_code() -> str:
    """A verification code such as K7PQ-2MXR-9WTZ (60 random bits)."""
    letters = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return "-".join(letters[i : i + 4] for i in range(0, 12, 4))


def normalized_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _userids(data: dict, name: str) -> list[str]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise FieldError(name, _("${field} must be a list of user ids.", mapping={"field": name}))
    if len(value) > MAX_MARKED:
        raise FieldError(
            name, _("${field}: at most ${max} user ids.", mapping={"field": name, "max": MAX_MARKED})
        )
    return list(dict.fromkeys(value))


def mark(event, data: dict, now: datetime | None = None) -> dict:
    """``{"completed": [...], "not_completed": [...]}``; everything is checked first."""
    now = now or datetime.now(UTC)
    completed = _userids(data, "completed")
    not_completed = _userids(data, "not_completed")
    if not completed and not not_completed:
        raise FieldError("completed", _("Give completed or not_completed."))
    both = sorted(set(completed) & set(not_completed))
    if both:
        raise FieldError(
            "completed", _("${users} cannot be both completed and not.", mapping={"users": ", ".join(both)})
        )
    start = getattr(event, "start", None)
    if start is None or start > now:
        raise FieldError(
            "completed",
            _(
                "Attendance is marked once the event has started (${start}).",
                mapping={"start": start.isoformat() if start is not None else "-"},
            ),
        )
    seats = seats_of(event, create=True)
    strangers = sorted(u for u in completed + not_completed if u not in seats.registered)
    if strangers:
        raise FieldError(
            "completed",
            _("Not registered for this event: ${users}.", mapping={"users": ", ".join(strangers)}),
        )
    for userid in completed:
        if userid in seats.completed:
            continue
        code = new_code()
        seats.completed[userid] = {"code": code, "date": now.date().isoformat()}
        ledger.record(event, userid, COMPLETED, code)
        ledger.add_code(code, event, userid)
    for userid in not_completed:
        if userid in seats.completed:
            ledger.remove_code(seats.completed[userid]["code"])
            del seats.completed[userid]
            ledger.record(event, userid, REGISTERED)
    return attendance(event)


def attendance(event) -> dict:
    """Who is registered (in order), who waits, who completed: for the organisers."""
    seats = seats_of(event)

    def person(userid):
        user = api.user.get(userid=userid)
        return {
            "userid": userid,
            "fullname": (user.getProperty("fullname", "") if user is not None else "") or userid,
            "completed": userid in seats.completed,
        }

    return {
        "capacity": event.capacity,
        "registered": [person(userid) for userid in registered_ids(event)],
        "waiting": [person(userid) for userid in waiting_ids(event)],
    }


def certificate_code(event, userid: str) -> str | None:
    entry = seats_of(event).completed.get(userid)
    return entry["code"] if entry else None
