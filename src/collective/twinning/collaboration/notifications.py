"""Notifications of each user (``@notifications``), kept in BTrees on the site.

Keys are (userid, key) with ``key`` growing with time, so a user's notifications
are one range of the tree and two people notified at once write different keys.
``unread`` holds the keys not read yet; ``mailed`` the last key mailed to each
user (the digest sends what is unread and newer). A notification about an object
is only stored for users who may view it, and is shown again only while they may.
"""

from BTrees.OOBTree import OOBTree
from collective.twinning import logger
from collective.twinning.membership.roles import is_pupil_account
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

import secrets
import time


ANNOTATION_KEY = "collective.twinning.notifications"
LAST = "\U0010ffff"
MAIL_PROPERTY = "notification_mail"
MAIL_CHOICES = ("immediately", "daily", "never")
DEFAULT_MAIL = "daily"
KINDS = ("comment", "reply", "mention", "meeting", "lifecycle")
_muted: ContextVar[bool] = ContextVar("collective.twinning.notifications.muted", default=False)


class NotificationStore(Persistent):
    def __init__(self):
        self.items = OOBTree()  # (userid, key) -> dict
        self.unread = OOBTree()  # (userid, key) -> True
        self.mailed = OOBTree()  # userid -> last key mailed


def store(create: bool = False) -> NotificationStore | None:
    annotations = IAnnotations(api.portal.get())
    found = annotations.get(ANNOTATION_KEY)
    if found is None and create:
        found = annotations[ANNOTATION_KEY] = NotificationStore()
    return found


def new_key() -> str:
    return f"{time.time_ns():020d}-{secrets.token_hex(3)}"


def may_view(userid: str, obj) -> bool:
    user = api.user.get(userid=userid)
    if user is None:
        return False
    with api.env.adopt_user(user=user):
        return bool(api.user.has_permission("View", obj=obj))


def mail_preference(user) -> str:
    """immediately, daily or never; pupils are never mailed."""
    if user is None or is_pupil_account(user):
        return "never"
    value = user.getProperty(MAIL_PROPERTY, "") or DEFAULT_MAIL
    return value if value in MAIL_CHOICES else DEFAULT_MAIL


@contextmanager
def muted():
    """Nobody is notified inside (an import brings back what happened once; it does not happen again)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def notify(
    userids,
    kind: str,
    title: str,
    obj=None,
    url: str | None = None,
    actor: str | None = None,
    mailed: bool = False,
) -> list[str]:
    """Notify each user (not the actor; about ``obj`` only those who may view it); who was notified."""
    if _muted.get():
        return []
    notes = store(create=True)
    actor = actor if actor is not None else (api.user.get_current().getId() or "system")
    notified = []
    for userid in dict.fromkeys(userids):
        if not userid or userid == actor or (obj is not None and not may_view(userid, obj)):
            continue
        key = new_key()
        entry = {
            "kind": kind,
            "actor": actor,
            "title": title,
            "url": url or (obj.absolute_url() if obj is not None else ""),
            "uid": _uid(obj),
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        notes.items[(userid, key)] = entry
        notes.unread[(userid, key)] = True
        notified.append(userid)
        if mailed:
            notes.mailed[userid] = key
        elif mail_preference(api.user.get(userid=userid)) == "immediately":
            _mail_now(notes, userid, key, entry)
    return notified


def _uid(obj) -> str | None:
    if obj is None:
        return None
    from plone.app.discussion.interfaces import IComment

    if IComment.providedBy(obj):
        obj = obj.__parent__.__parent__  # the post or thread: comments have no catalog UID of their own
    return api.content.get_uuid(obj=obj)


def _mail_now(notes, userid: str, key: str, entry: dict) -> None:
    from collective.twinning.lifecycle.notifications import send_mail
    from zope.i18n import translate

    title = translate(entry["title"])  # a message id with its mapping, not the raw ${...}
    if send_mail([userid], title, f"{title}\n\n{entry['url']}\n"):
        notes.mailed[userid] = key


def _keys(tree, userid: str) -> list[str]:
    return [key for _user, key in tree.keys(min=(userid, ""), max=(userid, LAST))]


def unread_count(userid: str) -> int:
    notes = store()
    return 0 if notes is None else len(_keys(notes.unread, userid))


def listing(userid: str, b_start: int = 0, b_size: int = 25) -> dict:
    """Unread first, then read, newest first in each; what the user may no longer see is left out."""
    notes = store()
    if notes is None:
        return {"items": [], "items_total": 0, "unread": 0}
    unread = _keys(notes.unread, userid)
    unread_set = set(unread)
    ordered = unread[::-1] + [key for key in reversed(_keys(notes.items, userid)) if key not in unread_set]
    page = ordered[b_start : b_start + b_size]
    entries = [(key, notes.items[(userid, key)]) for key in page]
    visible = _visible_uids({entry["uid"] for _key, entry in entries if entry.get("uid")})
    items = [
        {"id": key, **entry, "read": key not in unread_set}
        for key, entry in entries
        if not entry.get("uid") or entry["uid"] in visible
    ]
    return {"items": items, "items_total": len(ordered), "unread": len(unread)}


def _visible_uids(uids: set[str]) -> set[str]:
    """The UIDs among ``uids`` the current user may see (the catalog's own security)."""
    if not uids:
        return set()
    return {brain.UID for brain in api.content.find(UID=list(uids))}


def mark_read(userid: str, ids=None) -> int:
    """Mark the given ids (all when None) read; the number still unread."""
    notes = store()
    if notes is None:
        return 0
    keys = _keys(notes.unread, userid) if ids is None else ids
    for key in keys:
        if (userid, key) in notes.unread:
            del notes.unread[(userid, key)]
    return len(_keys(notes.unread, userid))


def undelivered(userid: str) -> list[dict]:
    """Unread notifications newer than the last mail to the user (the digest)."""
    notes = store()
    if notes is None:
        return []
    since = notes.mailed.get(userid, "")
    return [{"id": key, **notes.items[(userid, key)]} for key in _keys(notes.unread, userid) if key > since]


def users_with_unread() -> list[str]:
    notes = store()
    if notes is None:
        return []
    return sorted({userid for userid, _key in notes.unread})


def mark_mailed(userid: str, key: str) -> None:
    notes = store(create=True)
    if notes.mailed.get(userid, "") < key:
        notes.mailed[userid] = key


def forget_user(userid: str) -> None:
    """A deleted account leaves no notifications behind."""
    notes = store()
    if notes is None:
        return
    for key in _keys(notes.items, userid):
        del notes.items[(userid, key)]
        notes.unread.pop((userid, key), None)
    notes.mailed.pop(userid, None)
    logger.info("Notifications of %s removed.", userid)
