"""The audit log of a TwinSpace or a Group (``@audit``), and the portal's (``@audit`` on the
portal, administrators): who did what, when, and why.

Entries are written in the same transaction as the change they describe, so a
change that is rolled back leaves no entry, and an entry never describes a
change that did not happen. They are kept in an OOBTree in the place's
annotations, keyed so that the natural order is newest first and two entries
written at once (two joins) never share a key: concurrent writers insert
different keys, which the BTree merges without a conflict.

What is recorded:

- roster changes: ``member_added``, ``role_changed``, ``member_removed``,
  ``pupil_created``, ``pupil_deleted`` (target: the user id; role, previous role);
- validation decisions: ``validation_approve``, ``validation_reject`` (slot, comment);
- the place's workflow transitions: ``transition`` (transition, from and to state, comment);
- a new partner founder of a TwinSpace: ``cofounder_changed`` (target: the new one or None;
  previous_cofounder);
- on the portal, a change of an account's country: ``country_changed`` (target: the user id;
  from_country, to_country);
- Quality Label evaluations and decisions: ``label_evaluated``, ``label_award``,
  ``label_reject`` (the application, its applicant, the scores and their total).

Entries are never changed nor removed by the add-on.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collective.twinning.content.group import IGroup
from collective.twinning.content.twinspace import ITwinSpace
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

import itertools
import secrets
import time


ANNOTATION_KEY = "collective.twinning.audit"
_FAR_FUTURE_NS = 10**20  # keys count down from here: ascending order is newest first


class AuditLog(Persistent):
    def __init__(self):
        self.entries = OOBTree()
        self.size = Length()


def _log(place, create: bool = False) -> AuditLog | None:
    annotations = IAnnotations(place)
    log = annotations.get(ANNOTATION_KEY)
    if log is None and create:
        log = annotations[ANNOTATION_KEY] = AuditLog()
    return log


def audited_place(obj):
    """The TwinSpace or Group whose log records changes to ``obj`` (or None)."""
    for item in getattr(obj, "aq_chain", (obj,)):
        if ITwinSpace.providedBy(item) or IGroup.providedBy(item):
            return item
    return None


def acting_userid() -> str:
    user = api.user.get_current()
    return (user.getId() if user is not None else None) or "system"


def record(place, what: str, target: str | None = None, comment: str = "", **details) -> dict:
    """Append an entry to the log of ``place`` (in the current transaction)."""
    now = time.time_ns()
    entry = {
        "when": datetime.fromtimestamp(now / 1e9, UTC).isoformat(timespec="microseconds"),
        "who": acting_userid(),
        "what": what,
        "target": target,
        "comment": comment or "",
        **details,
    }
    key = f"{_FAR_FUTURE_NS - now:021d}-{secrets.token_hex(4)}"
    log = _log(place, create=True)
    log.entries[key] = entry
    log.size.change(1)
    return dict(entry)


def entries(place) -> "Entries":
    return Entries(_log(place))


class Entries:
    """The entries newest first, as a sequence a batch can slice without loading all."""

    def __init__(self, log: AuditLog | None):
        self.log = log

    def __len__(self) -> int:
        return 0 if self.log is None else self.log.size()

    def __iter__(self):
        if self.log is not None:
            for entry in self.log.entries.values():
                yield dict(entry)

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return list(itertools.islice(iter(self), start, stop, step))
        if index < 0:
            index += len(self)
        for entry in itertools.islice(iter(self), index, index + 1):
            return entry
        raise IndexError(index)
