"""``@userid`` mentions: resolved against the roster of the place, so nobody outside it is revealed."""

from collective.twinning.collaboration.places import is_member
from collective.twinning.content.excerpts import plain

import re


MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9][A-Za-z0-9._-]{0,98}[A-Za-z0-9])")


def mentioned(text) -> list[str]:
    """The user ids written as @userid in ``text`` (rich text or plain), in order, once each."""
    return list(dict.fromkeys(MENTION.findall(plain(text))))


def mentioned_members(place, text) -> list[str]:
    """The mentioned user ids that are members of ``place`` (the others are ignored, silently)."""
    return [userid for userid in mentioned(text) if is_member(place, userid)]
