"""Build a real project, export it, and edit the archive as an attacker would (for the security tests)."""

from collective.twinning.collaboration import likes
from collective.twinning.collaboration import polls
from collective.twinning.exportimport.export import export_space
from collective.twinning.lifecycle.checklist import decide
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.discussion.interfaces import IConversation
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_label
from tests.helpers import make_mobility
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.uploads import samples
from zope.component import createObject

import io
import json
import pytz
import transaction
import zipfile


ZIP = {"Content-Type": "application/zip", "Accept": "application/json"}


def cast() -> None:
    """Founders of ES and IT, an ES teacher, an ES account that is no teacher, validators of ES, IT, FR."""
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    create_teacher("teacher-eva-es", "ES")
    create_account("member-mia-es", "ES")  # registered, never validated as a teacher
    for country in ("ES", "IT", "FR"):
        create_validator(f"validator-{country.lower()}", country)


def labelled_project(portal):
    """An ES+IT project, validated, started and labelled (a national label awarded by ES),
    with a teacher, a pupil, a public page holding a subpage and a file, and a private page."""
    space = make_space(portal["projects"], "teacher-ana-es", "teacher-luca-it", "pending")
    for userid in ("teacher-luca-it", "validator-es", "validator-it"):
        with api.env.adopt_user(username=userid):
            decide(space, userid, "approve", f"approved by {userid}")
    with as_system("teacher-ana-es"):
        api.content.transition(obj=space, transition="start")
        Roster(space).set("teacher-eva-es", "TwinSpaceTeacher")
        create_pupil(space, {"username": "pupil-nora", "fullname": "Nora Pérez", "password": PASSWORD})
    with api.env.adopt_user(username="teacher-ana-es"):
        page = api.content.create(container=space, type="Page", id="welcome", title="Welcome")
        api.content.create(container=page, type="Page", id="week-1", title="Week 1")
        api.content.create(
            container=page,
            type="Material",
            id="worksheet",
            title="Worksheet",
            file=NamedBlobFile(data=samples.PDF, filename="worksheet.pdf", contentType="application/pdf"),
            copyright_confirmed=True,
        )
        api.content.create(container=space, type="Page", id="notes", title="Teachers' notes")
    with as_system("teacher-ana-es"):
        api.content.transition(obj=page, transition="publish")
        api.content.transition(obj=page["week-1"], transition="publish")
    make_mobility(space, "teacher-ana-es")
    bring_label_to(make_label(space, "teacher-ana-es"), "awarded", "validator-es")
    assert api.content.get_state(obj=space) == "labelled"
    return space


def export_and_delete(space) -> bytes:
    """The administrator's (complete) archive of the space; the space is gone afterwards."""
    with as_system("admin"):
        archive = export_space(space)
        api.content.delete(obj=space, check_linkintegrity=False)
    transaction.commit()
    return archive


def documents(archive: bytes) -> dict:
    """Every member of the archive: JSON members parsed, the others as bytes."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    return {
        name: json.loads(source.read(name)) if name.endswith(".json") else source.read(name)
        for name in source.namelist()
    }


def pack(members: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for name, data in members.items():
            if not isinstance(data, bytes):
                data = json.dumps(data).encode()
            target.writestr(name, data)
    return out.getvalue()


def item_name(members: dict, path: str) -> str:
    """The member holding the item at ``path`` ("" for the space)."""
    for name, data in members.items():
        if name.startswith("items/") and data["path"] == path:
            return name
    raise KeyError(path)


def add_item(members: dict, record: dict, blobs: dict | None = None) -> None:
    """Append an item record (and its blobs) and list it in the manifest."""
    name = f"items/{len(members['manifest.json']['items']):06d}.json"
    members[name] = record
    members["manifest.json"]["items"].append(name)
    members.update(blobs or {})


# --- collaboration (issue 21) ---------------------------------------------------------------

MADRID = pytz.timezone("Europe/Madrid")
MEETING_START = MADRID.localize(datetime(2030, 3, 4, 10, 0))


def html(text: str) -> RichTextValue:
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def write(container, userid: str, portal_type: str, **fields):
    """``portal_type`` made by ``userid`` whatever the project's state: system rights, then their
    name on it (creator, owner), as if they had written it."""
    with as_system(userid):
        obj = api.content.create(container=container, type=portal_type, safe_id=False, **fields)
    obj.changeOwnership(api.user.get(userid=userid).getUser())
    obj.manage_delLocalRoles([principal for principal, _roles in obj.get_local_roles()])
    obj.manage_setLocalRoles(userid, ["Owner"])
    obj.setCreators([userid])
    obj.reindexObject()
    obj.reindexObjectSecurity()
    return obj


def comment(obj, userid: str, text: str, in_reply_to: int | None = None) -> int:
    """A comment by ``userid`` as plone.app.discussion writes one (author, owner, full name)."""
    user = api.user.get(userid=userid)
    made = createObject("plone.Comment")
    made.text = text
    made.author_username = made.creator = userid
    made.author_name = user.getProperty("fullname", "") or userid
    made.author_email = f"{userid}@example.org"  # plone.app.discussion's form keeps it: never exported
    made.in_reply_to = in_reply_to
    made.changeOwnership(user.getUser(), recursive=False)
    made.__ac_local_roles__ = {userid: ["Owner"]}
    with api.env.adopt_user(username=userid):
        return IConversation(obj).addComment(made)


def add_collaboration(space) -> dict:
    """Founders teacher-ana-es and teacher-luca-it, teacher teacher-eva-es and pupil pupil-nora:
    a pinned bulletin post with a picture and a comment; a pupil's wall post with a comment, a reply
    and a reply to it, liked twice; a public post; a forum with a locked thread and one with replies;
    a weekly meeting in Madrid time for the teachers; a poll with two answers."""
    ana, luca, eva, nora = "teacher-ana-es", "teacher-luca-it", "teacher-eva-es", "pupil-nora"
    bulletin = write(
        space,
        ana,
        "Post",
        id="bulletin-post",
        channel="bulletin",
        pinned=True,
        text=html("Marks on Friday"),
        image=NamedBlobImage(data=samples.photo("PNG"), filename="board.png", contentType="image/png"),
    )
    comment(bulletin, luca, "Agreed, @teacher-ana-es")
    wall = write(space, nora, "Post", id="wall-post", channel="wall", text=html("Hello from Nora"))
    first = comment(wall, eva, "Welcome, Nora!")
    second = comment(wall, nora, "Thank you!", in_reply_to=first)
    comment(wall, ana, "Keep writing", in_reply_to=second)
    comment(wall, luca, "Ciao!")
    for userid in (eva, nora):
        likes.like(wall, userid)
    public = write(space, eva, "Post", id="public-post", channel="wall", text=html("Our project in the news"))
    with as_system():
        api.content.transition(obj=public, transition="publish")
    forum = write(space, ana, "Forum", id="forum", title="Forum", description="Questions")
    thread = write(forum, eva, "Thread", id="rivers", title="Which rivers?", text=html("Ebro or Po?"))
    reply = comment(thread, nora, "The Ebro")
    comment(thread, luca, "Both!", in_reply_to=reply)
    likes.like(thread, luca)
    write(forum, ana, "Thread", id="closed", title="Closed", text=html("Old questions"), locked=True)
    write(
        space,
        ana,
        "Meeting",
        id="call",
        title="Weekly call",
        description="Plans",
        start=MEETING_START,
        end=MEETING_START + timedelta(hours=1),
        invitees="teachers",
        recurrence="RRULE:FREQ=WEEKLY;COUNT=3",
    )
    poll = write(space, eva, "Poll", id="poll", question="Which day?", options=["Monday", "Friday"])
    polls.restore_answers(poll, {nora: 1, luca: 0})
    return {"bulletin": bulletin, "wall": wall, "public": public, "thread": thread, "poll": poll}
