"""Likes of posts and threads: one per user, in an OOBTree of the item's annotations.

Two people liking at once write different keys, which the BTree merges without
a conflict; the Length counter resolves its own conflicts.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.twinning.likes"


class Likes(Persistent):
    def __init__(self):
        self.by_user = OOBTree()  # userid -> ISO date
        self.count = Length()


def _likes(obj, create: bool = False) -> Likes | None:
    annotations = IAnnotations(obj)
    likes = annotations.get(ANNOTATION_KEY)
    if likes is None and create:
        likes = annotations[ANNOTATION_KEY] = Likes()
    return likes


def summary(obj, userid: str | None) -> dict:
    likes = _likes(obj)
    if likes is None:
        return {"count": 0, "liked": False}
    return {"count": likes.count(), "liked": bool(userid) and userid in likes.by_user}


def like(obj, userid: str) -> bool:
    """Like ``obj``; whether it is new (liking twice counts once)."""
    likes = _likes(obj, create=True)
    if likes.by_user.insert(userid, datetime.now(UTC).isoformat()):
        likes.count.change(1)
        return True
    return False


def unlike(obj, userid: str) -> bool:
    likes = _likes(obj)
    if likes is None or userid not in likes.by_user:
        return False
    del likes.by_user[userid]
    likes.count.change(-1)
    return True


def likers(obj) -> dict[str, str]:
    """userid -> date of every like (export)."""
    likes = _likes(obj)
    return {} if likes is None else dict(likes.by_user.items())
