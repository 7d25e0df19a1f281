"""Event subscribers of collaboration: channels stay put, meetings get rooms, people get notified."""

from Acquisition import aq_parent
from collective.twinning import _
from collective.twinning.collaboration import notifications
from collective.twinning.collaboration.meetings import give_room
from collective.twinning.collaboration.meetings import is_invited
from collective.twinning.collaboration.mentions import mentioned_members
from collective.twinning.collaboration.places import BULLETIN
from collective.twinning.collaboration.places import place_of
from collective.twinning.collaboration.places import WALL
from collective.twinning.errors import FieldError
from collective.twinning.membership.roster import roster_of
from plone import api
from plone.app.discussion.interfaces import IConversation


def channel_of_state(post) -> str | None:
    state = api.content.get_state(obj=post, default=None)
    if state is None:
        return None
    return BULLETIN if state == BULLETIN else WALL


def post_modified(post, event) -> None:
    """The channel is chosen when writing: a change would show the post to others."""
    current = channel_of_state(post)
    if current is not None and post.channel != current:
        raise FieldError("channel", _("The channel of a post cannot change; write a new post."))


def _creator(obj) -> str | None:
    creators = obj.listCreators() if hasattr(obj, "listCreators") else ()
    return creators[0] if creators else None


def _mentions(obj, text, title: str) -> None:
    place = place_of(obj)
    if place is None:
        return
    notifications.notify(mentioned_members(place, text), "mention", title, obj=obj)


def post_or_thread_added(obj, event) -> None:
    actor = api.user.get_current().getId()
    _mentions(
        obj, obj.text, _("${user} mentioned you in ${title}", mapping={"user": actor, "title": obj.Title()})
    )


def meeting_added(meeting, event) -> None:
    give_room(meeting)
    place = place_of(meeting)
    if place is None:
        return
    invited = [userid for userid, _role in roster_of(place).items() if is_invited(meeting, userid)]
    notifications.notify(
        invited, "meeting", _("New meeting: ${title}", mapping={"title": meeting.Title()}), obj=meeting
    )


COMMENT_AUTHOR = "CommentAuthor"


def give_comment_author(comment) -> None:
    """The comment's own author edits it (the role the comment workflow maps; a post's Owner does not)."""
    if comment.author_username:
        comment.manage_addLocalRoles(comment.author_username, [COMMENT_AUTHOR])


def comment_added(comment, event) -> None:
    """Its author edits it; the author of the post or thread, of the comment replied to, and who is mentioned are notified."""
    give_comment_author(comment)
    conversation = aq_parent(comment)
    content = aq_parent(conversation)
    if content is None or getattr(content, "portal_type", None) not in ("Post", "Thread"):
        return
    actor = comment.author_username or api.user.get_current().getId()
    title = content.Title()
    kind = "reply" if content.portal_type == "Thread" else "comment"
    notifications.notify(
        [_creator(content)],
        kind,
        _("${user} answered ${title}", mapping={"user": actor, "title": title}),
        obj=comment,
        url=f"{content.absolute_url()}#{comment.getId()}",
        actor=actor,
    )
    if comment.in_reply_to:
        parent = conversation.get(comment.in_reply_to)
        if parent is not None:
            notifications.notify(
                [parent.author_username],
                "reply",
                _("${user} replied to your comment on ${title}", mapping={"user": actor, "title": title}),
                obj=comment,
                url=f"{content.absolute_url()}#{comment.getId()}",
                actor=actor,
            )
    place = place_of(content)
    if place is not None:
        notifications.notify(
            mentioned_members(place, comment.text),
            "mention",
            _("${user} mentioned you in ${title}", mapping={"user": actor, "title": title}),
            obj=comment,
            url=f"{content.absolute_url()}#{comment.getId()}",
            actor=actor,
        )


def commented_removed(obj, event) -> None:
    """Comments go with their post or thread, and so does its catalog record.

    plone.app.discussion deletes the comments of removed content; each deletion reindexes the
    content's comment counters, which for an item removed with its folder (a forum, a space)
    brought its record back into the catalog after it had been unindexed.
    """
    conversation = IConversation(obj, None)
    while conversation:
        del conversation[next(iter(conversation.keys()))]
    obj.unindexObject()


def account_deleted(principal, event) -> None:
    notifications.forget_user(principal if isinstance(principal, str) else principal.getId())
