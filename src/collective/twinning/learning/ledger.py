"""What each teacher did in learning events, and the certificates' codes, in BTrees on the site.

``by_user`` maps (userid, event UID) to the teacher's entry (status, the event's
dates, the certificate's code), so a teacher's events are one range of keys (My
space, the certificates' export, School label eligibility) and two teachers
registering at once write different keys. ``codes`` maps a certificate's
verification code to (event UID, userid). Nothing here is in the catalog: who
attended what is not a search anyone may run.
"""

from BTrees.OOBTree import OOBTree
from datetime import date
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.twinning.learning"
LAST = "\U0010ffff"
REGISTERED, WAITING, COMPLETED = "registered", "waiting", "completed"


class Ledger(Persistent):
    def __init__(self):
        self.by_user = OOBTree()  # (userid, event UID) -> {"status", "start", "end", "code"}
        self.codes = OOBTree()  # code -> (event UID, userid)


def ledger(create: bool = False) -> Ledger | None:
    annotations = IAnnotations(api.portal.get())
    found = annotations.get(ANNOTATION_KEY)
    if found is None and create:
        found = annotations[ANNOTATION_KEY] = Ledger()
    return found


def _dates(event) -> dict:
    start, end = getattr(event, "start", None), getattr(event, "end", None)
    return {
        "start": start.isoformat() if start is not None else None,
        "end": end.isoformat() if end is not None else None,
    }


def record(event, userid: str, status: str, code: str | None = None) -> None:
    ledger(create=True).by_user[(userid, event.UID())] = {"status": status, "code": code, **_dates(event)}


def forget(event, userid: str) -> None:
    store = ledger()
    if store is not None and (userid, event.UID()) in store.by_user:
        del store.by_user[(userid, event.UID())]


def entries_of(userid: str) -> list[tuple[str, dict]]:
    """(event UID, entry) of every event the teacher registered for, waits for or completed."""
    store = ledger()
    if store is None or not userid:
        return []
    return [(key[1], entry) for key, entry in store.by_user.items(min=(userid, ""), max=(userid, LAST))]


def completed_since(userid: str, since: date) -> bool:
    """Whether the teacher completed a learning event that ended on or after ``since``."""
    return any(
        entry["status"] == COMPLETED and entry.get("end") and entry["end"][:10] >= since.isoformat()
        for _uid, entry in entries_of(userid)
    )


def completed_since_of(userids, since: date) -> set[str]:
    """Those of ``userids`` for whom ``completed_since`` holds, the ledger looked up once."""
    store = ledger()
    if store is None:
        return set()
    day = since.isoformat()
    return {
        userid
        for userid in userids
        if userid
        and any(
            entry["status"] == COMPLETED and entry.get("end") and entry["end"][:10] >= day
            for entry in store.by_user.values(min=(userid, ""), max=(userid, LAST))
        )
    }


def add_code(code: str, event, userid: str) -> None:
    ledger(create=True).codes[code] = (event.UID(), userid)


def remove_code(code: str | None) -> None:
    store = ledger()
    if code and store is not None and code in store.codes:
        del store.codes[code]


def look_up(code: str) -> tuple[str, str] | None:
    store = ledger()
    return store.codes.get(code) if store is not None else None
