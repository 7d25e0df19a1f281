"""What collaboration adds to an archive's items: comments and replies, likes, poll answers; a post's channel.

Out: the comments the exporter may view (never an e-mail address; in a partial
archive, names as ``@comments`` shows them to the exporter); likes and poll
answers in complete archives only (per-member records, as annotations are).

In, in three steps: ``read_extras`` shapes everything before the first object is
made; ``check_extras`` holds it to the checks of creation once the members are
made (a post's channel is one its author may write to, the bulletin for the
space's teachers only; a comment's author may comment there; likers are members
who may comment; answers come from members and name an option of the poll);
``write_extras`` then writes comments through plone.app.discussion (replies kept
under their comment: old ids mapped to new; the author owns the comment; dates
kept), likes and answers into their BTrees. The place's state is not checked: a
rebuilt project is a draft, in which nobody writes. An import notifies nobody.
"""

from AccessControl import getSecurityManager
from collective.twinning.collaboration import likes
from collective.twinning.collaboration import polls
from collective.twinning.collaboration.places import BULLETIN
from collective.twinning.collaboration.places import CHANNELS
from collective.twinning.collaboration.places import channels_for
from collective.twinning.collaboration.places import is_member
from collective.twinning.collaboration.places import is_site_admin
from collective.twinning.collaboration.places import place_of
from collective.twinning.collaboration.privacy import name_rule
from collective.twinning.exportimport.codec import CodecError
from collective.twinning.exportimport.codec import decode
from collective.twinning.exportimport.codec import encode
from collective.twinning.exportimport.records import invalid
from collective.twinning.exportimport.records import Item
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from plone import api
from plone.app.discussion.interfaces import IConversation
from zope.component import createObject


COMMENTED = frozenset({"Post", "Thread"})  # plone.app.discussion is on for these only; likes too
POLL = "Poll"
# plone.app.discussion's text transforms (its TextTransformVocabulary)
COMMENT_MIME_TYPES = frozenset({"text/plain", "text/html", "text/x-web-markdown", "text/x-web-intelligent"})
COMMENT_KEYS = frozenset(
    {
        "id",
        "in_reply_to",
        "text",
        "mime_type",
        "author_username",
        "author_name",
        "creator",
        "created",
        "modified",
    }
)
# Fields whose allowed values depend on who writes: only their form is checked when the item is made,
# the rest against its author once the members are made (check_extras).
CHECKED_WITH_AUTHOR = {("Post", "channel"): CHANNELS}
REPLY = "Reply to item"  # plone.app.discussion's permission to comment (and, here, to like)


def may_view(obj) -> bool:
    return bool(getSecurityManager().checkPermission("View", obj))


# --- out --------------------------------------------------------------------------------


def _comment_record(comment, rule) -> dict:
    author = comment.author_username
    return {
        "id": comment.comment_id,
        "in_reply_to": comment.in_reply_to or None,
        "text": comment.text or "",
        "mime_type": comment.mime_type or "text/plain",
        "author_username": author,
        "author_name": comment.author_name if rule is None else rule(author, comment.author_name),
        "creator": comment.creator,
        "created": encode(comment.creation_date),
        "modified": encode(comment.modification_date),
    }


def export_extras(obj, complete: bool) -> dict:
    """The item's comments (those the exporter may view), and in a complete archive its likes and answers."""
    extras = {}
    if obj.portal_type in COMMENTED:
        conversation = IConversation(obj, None)
        if conversation is not None and len(conversation):
            rule = None if complete else name_rule(place_of(obj))
            comments = [_comment_record(c, rule) for c in conversation.getComments() if may_view(c)]
            if comments:
                extras["comments"] = comments
        if complete and (liked := likes.likers(obj)):
            extras["likes"] = liked
    if complete and obj.portal_type == POLL and (answers := polls.all_answers(obj)):
        extras["poll_answers"] = answers
    return extras


# --- in: shape --------------------------------------------------------------------------


@dataclass
class Comment:
    id: int
    in_reply_to: int | None
    text: str
    mime_type: str
    author: str
    author_name: str
    created: datetime
    modified: datetime


@dataclass
class Extras:
    comments: list[Comment] = field(default_factory=list)
    likes: dict[str, str] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.comments or self.likes or self.answers)


def _integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _date(item: Item, key: str, value) -> datetime:
    try:
        moment = decode(value)
    except CodecError as error:
        raise invalid(item.where(key), str(error)) from None
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise invalid(item.where(key), "a date with its time zone is expected")
    return moment


def _comment(item: Item, number: int, data, earlier: set[int]) -> Comment:
    where = f"comments[{number}]"
    if not isinstance(data, dict) or set(data) - COMMENT_KEYS:
        unknown = sorted(set(data) - COMMENT_KEYS)[:3] if isinstance(data, dict) else []
        raise invalid(
            item.where(where), f"a comment holds only {', '.join(sorted(COMMENT_KEYS))} (not {unknown})"
        )
    comment_id, parent = data.get("id"), data.get("in_reply_to")
    if not _integer(comment_id) or comment_id <= 0 or comment_id in earlier:
        raise invalid(item.where(f"{where} id"), "a comment has its own positive number")
    if parent is not None and parent != 0 and (not _integer(parent) or parent not in earlier):
        raise invalid(item.where(f"{where} in_reply_to"), "a reply answers a comment listed before it")
    author = data.get("author_username")
    if not isinstance(author, str) or not author:
        raise invalid(item.where(f"{where} author_username"), "comments are never anonymous")
    if data.get("creator") not in (None, author):
        raise invalid(item.where(f"{where} creator"), "the creator of a comment is its author")
    text, mime_type, author_name = (
        data.get("text"),
        data.get("mime_type", "text/plain"),
        data.get("author_name"),
    )
    if not isinstance(text, str) or not text.strip():
        raise invalid(item.where(f"{where} text"), "a comment has a text")
    if mime_type not in COMMENT_MIME_TYPES:
        raise invalid(
            item.where(f"{where} mime_type"),
            f"comments are written as {', '.join(sorted(COMMENT_MIME_TYPES))}",
        )
    if author_name is not None and not isinstance(author_name, str):
        raise invalid(item.where(f"{where} author_name"), "a name is text")
    return Comment(
        id=comment_id,
        in_reply_to=parent or None,
        text=text,
        mime_type=mime_type,
        author=author,
        author_name=author_name or "",
        created=_date(item, f"{where} created", data.get("created")),
        modified=_date(item, f"{where} modified", data.get("modified")),
    )


def _comments(item: Item) -> list[Comment]:
    value = item.data.get("comments")
    if value is None:
        return []
    if item.portal_type not in COMMENTED:
        raise invalid(item.where("comments"), f"a {item.portal_type} takes no comments")
    if not isinstance(value, list):
        raise invalid(item.where("comments"), "a list of comments is expected")
    # By number: a reply comes after what it answers (numbers are plone.app.discussion's times).
    ordered = sorted(value, key=lambda c: c.get("id") if isinstance(c, dict) and _integer(c.get("id")) else 0)
    comments, earlier = [], set()
    for number, data in enumerate(ordered):
        comment = _comment(item, number, data, earlier)
        earlier.add(comment.id)
        comments.append(comment)
    return comments


def _per_user(item: Item, key: str, portal_types, valid, expected: str) -> dict:
    value = item.data.get(key)
    if value is None:
        return {}
    if item.portal_type not in portal_types:
        raise invalid(item.where(key), f"a {item.portal_type} has no {key}")
    if not isinstance(value, dict) or not all(
        isinstance(u, str) and u and valid(v) for u, v in value.items()
    ):
        raise invalid(item.where(key), f"a mapping of user ids to {expected} is expected")
    return value


def _iso_date(value) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value) is not None
    except ValueError:
        return False


def read_extras(item: Item) -> Extras:
    """The item's comments, likes and answers, shaped (400 naming the member, the item and the key)."""
    return Extras(
        comments=_comments(item),
        likes=_per_user(item, "likes", COMMENTED, _iso_date, "dates"),
        answers=_per_user(item, "poll_answers", {POLL}, _integer, "option numbers"),
    )


def check_authored_field(item: Item, name: str, value) -> bool:
    """Whether ``name`` is checked against the author later; its form is checked now (400)."""
    allowed = CHECKED_WITH_AUTHOR.get((item.portal_type, name))
    if allowed is None:
        return False
    if value not in allowed:
        raise invalid(item.where(name), f"one of {', '.join(allowed)} is expected")
    return True


# --- in: the checks of creation -----------------------------------------------------------


def _may(obj, userid: str, permission: str) -> bool:
    user = api.user.get(userid=userid)
    if user is None:
        return False
    with api.env.adopt_user(user=user):
        return bool(api.user.has_permission(permission, obj=obj))


def _check_channel(post, item: Item, author: str | None) -> None:
    """The post's channel is one its author may write to; its state is its channel's."""
    if not author or post.channel not in channels_for(place_of(post), author):
        raise invalid(item.where("channel"), f"{author or 'nobody'} may not write to the {post.channel} here")
    state = api.content.get_state(obj=post)
    if (state == BULLETIN) != (post.channel == BULLETIN):
        raise invalid(
            item.where("workflow_history"), f"a post of the {post.channel} is not in the state {state}"
        )


def check_extras(obj, item: Item, extras: Extras, author: str | None) -> None:
    """Everything collaboration adds to ``obj`` as creation would allow it (400 naming who and where)."""
    if obj.portal_type == "Post":
        _check_channel(obj, item, author)
    place = place_of(obj)
    for number, comment in enumerate(extras.comments):
        if not _may(obj, comment.author, REPLY):
            raise invalid(item.where(f"comments[{number}]"), f"{comment.author} may not comment here")
    for userid in extras.likes:
        liker = is_member(place, userid) or is_site_admin(userid, place)
        if not liker or not _may(obj, userid, REPLY):
            raise invalid(item.where("likes"), f"{userid} may not like this")
    for userid, option in extras.answers.items():
        if not is_member(place, userid):
            raise invalid(item.where("poll_answers"), f"{userid} is no member who may answer this poll")
        if not 0 <= option < len(obj.options or ()):
            raise invalid(item.where("poll_answers"), f"{option} is no option of this poll")


# --- in: writing ------------------------------------------------------------------------------


def _add_comment(conversation, comment: Comment, new_ids: dict[int, int], restoring: bool) -> None:
    user = api.user.get(userid=comment.author)
    added = createObject("plone.Comment")
    added.text = comment.text
    added.mime_type = comment.mime_type
    added.author_username = added.creator = comment.author
    # A restore keeps the name the comment was written under; a rebuild writes it as creation does.
    added.author_name = (
        comment.author_name if restoring else (user.getProperty("fullname", "") or comment.author)
    )
    added.creation_date = comment.created
    added.modification_date = comment.modified
    added.in_reply_to = new_ids[comment.in_reply_to] if comment.in_reply_to else None
    added.changeOwnership(user.getUser(), recursive=False)
    # the author's alone, as when it was written (CommentAuthor is added by the added event)
    added.__ac_local_roles__ = {comment.author: ["Owner"]}
    new_ids[comment.id] = conversation.addComment(added)


def write_extras(obj, extras: Extras, restoring: bool) -> None:
    if extras.comments:
        conversation, new_ids = IConversation(obj), {}
        for comment in extras.comments:
            _add_comment(conversation, comment, new_ids, restoring)
    if extras.likes:
        likes.restore(obj, extras.likes)
    if extras.answers:
        polls.restore_answers(obj, extras.answers)
