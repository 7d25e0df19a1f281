"""One writer at a time per place, inside this Zope process.

Roster changes, content additions and decisions on one place write the same small
BTrees, ordering list or checklist: ZODB merges two such commits only when they touch
different buckets, so many at once on one place conflict (measured: eight threads
appending to one 50-entry OOBTree, FileStorage, 20 to 72 conflicts and up to 6
writes lost after 4 tries). ``one_writer(place)`` waits for this process's other
writers of the place, then begins the transaction afresh; the lock goes when the
transaction ends. Writers in other processes meet as conflicts, resolved or retried.
"""

from collective.twinning import logger

import threading
import transaction


STRIPES = 64  # places hash onto these locks; two places rarely share one
WAIT_SECONDS = 30  # past this, go on without the lock (a conflict retries)

_LOCKS = tuple(threading.Lock() for _ in range(STRIPES))
_held = threading.local()


def _lock_for(place) -> threading.Lock:
    oid = getattr(place, "_p_oid", None) or b""
    return _LOCKS[int.from_bytes(oid, "big") % STRIPES]


class _Hold:
    """Releases its lock once, whichever of commit or abort ends the transaction
    (a failed commit calls the after-commit hooks, then the abort's)."""

    def __init__(self, lock: threading.Lock):
        self.lock = lock
        self.done = False

    def release(self, *_status) -> None:
        if not self.done:
            self.done = True
            _held.lock = None
            self.lock.release()


def _fresh_transaction() -> None:
    """Begin the request's transaction again, keeping its note and user, so that
    it sees the last commit; only when it has written nothing."""
    current = transaction.get()
    if current._resources:  # something was written: keep it, a conflict will retry
        return
    user, description, extension = current.user, current.description, dict(current.extension)
    transaction.abort()
    fresh = transaction.get()
    fresh.user, fresh.description = user, description
    for name, value in extension.items():
        fresh.setExtendedInfo(name, value)


def one_writer(place) -> None:
    """Wait for this process's other writers of ``place``; see the module."""
    if getattr(_held, "lock", None) is not None:
        return  # this transaction already holds a place's lock: never two (no deadlock)
    lock = _lock_for(place)
    if not lock.acquire(timeout=WAIT_SECONDS):
        logger.warning("Waited %ss for the writers of %r; going on", WAIT_SECONDS, place)
        return
    try:
        _fresh_transaction()
        current = transaction.get()
        hold = _Hold(lock)
        current.addAfterCommitHook(hold.release)
        current.addAfterAbortHook(hold.release)
        _held.lock = lock
    except BaseException:
        lock.release()
        raise


def additions_one_at_a_time(event) -> None:
    """plone.restapi's POST adding content in a space or group: one writer per place.

    Adding changes the container's ordering list (a PersistentList, never merged):
    eight teachers adding pages to one project at once exhausted the conflict
    retries (measured with ``make load``). Subscribed to IPubAfterTraversal:
    nothing is written yet when the service is found.
    """
    request = event.request
    if request.get("REQUEST_METHOD") != "POST":
        return
    from collective.twinning.audit import audited_place
    from plone.restapi.services.content.add import FolderPost

    published = request.get("PUBLISHED")
    if isinstance(published, FolderPost):
        place = audited_place(published.context)
        if place is not None:
            one_writer(place)
