"""Demo collaboration in "Nuestro patrimonio": a pinned bulletin post, the wall, a forum thread
with replies, a poll and next week's meeting, each written by its demo account."""

from collective.twinning.demo.content import html
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.discussion.interfaces import IConversation
from zope.component import createObject

import pytz


def _as(userid: str, **kwargs):
    with api.env.adopt_user(username=userid):
        return api.content.create(safe_id=False, **kwargs)


def _comment(obj, userid: str, text: str, in_reply_to: int | None = None) -> int:
    """A comment by ``userid`` as plone.app.discussion's form writes it (owner, author)."""
    user = api.user.get(userid=userid)
    comment = createObject("plone.Comment")
    comment.text = text
    comment.mime_type = "text/plain"
    comment.author_username = comment.creator = userid
    comment.author_name = user.getProperty("fullname", "") or userid
    if in_reply_to is not None:
        comment.in_reply_to = in_reply_to
    comment.changeOwnership(user.getUser(), recursive=False)
    comment.manage_setLocalRoles(userid, ["Owner"])
    with api.env.adopt_user(username=userid):
        return IConversation(obj).addComment(comment)


def create_collaboration(project) -> None:
    """Idempotent: nothing is added when the bulletin post is there."""
    if "welcome-teachers" in project:
        return
    _as(
        "ana",
        container=project,
        type="Post",
        id="welcome-teachers",
        channel="bulletin",
        pinned=True,
        text=html(
            "<p>Luca, shall we meet on Thursday to plan the monuments map? The pupils start on Monday.</p>"
        ),
    )
    wall = _as(
        "ana",
        container=project,
        type="Post",
        id="hello-wall",
        channel="wall",
        pinned=True,
        text=html("<p>¡Bienvenidos! Welcome to our wall: say hello and tell us your favourite monument.</p>"),
    )
    _comment(wall, "luca", "Ciao a tutti! Our class loves the Lanterna of Genova.")
    _comment(wall, "lucia", "Hola! Mi favorito es el Palacio Real.")
    _as(
        "lucia",
        container=project,
        type="Post",
        id="palacio-real",
        channel="wall",
        text=html("<p>We visited the Palacio Real today and took photos for the map.</p>"),
    )
    forum = _as(
        "ana",
        container=project,
        type="Forum",
        id="forum",
        title="Foro / Forum",
        description="Questions and ideas about the project.",
    )
    thread = _as(
        "ana",
        container=forum,
        type="Thread",
        id="which-monuments",
        title="Which monuments do we map?",
        text=html("<p>Each school proposes five monuments. @luca, what do you think?</p>"),
    )
    first = _comment(thread, "luca", "Five each is fine. @ana I will send our list on Friday.")
    _comment(thread, "lucia", "Can we add the Templo de Debod?", in_reply_to=first)
    _as(
        "ana",
        container=project,
        type="Poll",
        id="presentation-day",
        question="Which day do we present the map?",
        options=["Monday", "Wednesday", "Friday"],
    )
    start = (datetime.now(pytz.utc) + timedelta(days=7)).replace(hour=15, minute=0, second=0, microsecond=0)
    _as(
        "ana",
        container=project,
        type="Meeting",
        id="planning-call",
        title="Planning call / Videollamada",
        description="Teachers and pupils present their monuments.",
        start=start,
        end=start + timedelta(hours=1),
        timezone="UTC",
        invitees="members",
    )
