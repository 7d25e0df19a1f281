"""Collaboration through export and import: posts and their channels, comments and replies, likes,
meetings, polls. Restored as they were by an administrator; rebuilt by a validator."""

from collective.twinning.collaboration import likes
from collective.twinning.collaboration import notifications
from collective.twinning.collaboration import polls
from collective.twinning.exportimport.export import walk
from collective.twinning.security import as_system
from plone import api
from plone.app.discussion.interfaces import IConversation
from tests.exportimport.archives import add_collaboration
from tests.exportimport.archives import documents
from tests.exportimport.archives import item_name
from tests.exportimport.archives import ZIP
from tests.exportimport.test_roundtrip import delete
from tests.exportimport.test_roundtrip import serializations

import pytest
import transaction


COMMENTED = ("Post", "Thread")


@pytest.fixture
def space(project):
    add_collaboration(project)
    transaction.commit()
    return project


@pytest.fixture
def exported(space, session_for):
    response = session_for("teacher-ana-es").get("projects/space/@export")
    assert response.status_code == 200, response.text
    return response.content


def comments(obj) -> list[tuple]:
    """Each comment in thread order: its depth, what it answers, its text, author, dates, owner."""
    conversation = IConversation(obj)
    text_of = {comment.comment_id: comment.text for comment in conversation.getComments()}
    return [
        (
            thread["depth"],
            text_of.get(comment.in_reply_to),
            comment.text,
            comment.mime_type,
            comment.author_username,
            comment.author_name,
            comment.creator,
            comment.creation_date,
            comment.modification_date,
            comment.getOwner().getId(),
            dict(comment.__ac_local_roles__),
            api.content.get_state(obj=comment),
        )
        for thread in conversation.getThreads()
        for comment in [thread["comment"]]
    ]


def collaboration(space) -> dict:
    """By path: state, and what collaboration adds to the item."""
    found = {}
    for obj in walk(space):
        if obj.portal_type not in ("Post", "Thread", "Meeting", "Poll", "Forum"):
            continue
        entry = {"state": api.content.get_state(obj=obj)}
        if obj.portal_type in COMMENTED:
            entry["comments"] = comments(obj)
            entry["likes"] = (likes.likers(obj), likes.summary(obj, None)["count"])
        if obj.portal_type == "Post":
            entry["post"] = (obj.channel, obj.pinned, obj.Title(), obj.image.data if obj.image else None)
        if obj.portal_type == "Thread":
            entry["locked"] = obj.locked
        if obj.portal_type == "Poll":
            entry["poll"] = (obj.question, list(obj.options), polls.all_answers(obj), polls.results(obj))
        if obj.portal_type == "Meeting":
            entry["meeting"] = (
                obj.title,
                obj.description,
                obj.start,
                obj.end,
                obj.start.tzinfo.zone,
                obj.end.tzinfo.zone,
                obj.whole_day,
                obj.open_end,
                obj.recurrence,
                obj.invitees,
            )
        found["/".join(obj.getPhysicalPath()[len(space.getPhysicalPath()) :])] = entry
    return found


def catalogued_comments(space, userid: str | None = None) -> list[str]:
    """The comments the catalog finds in the space, for ``userid`` (None: everything)."""
    path = "/".join(space.getPhysicalPath())
    if userid is None:
        brains = api.content.find(portal_type="Discussion Item", path=path, unrestricted=True)
    else:
        with api.env.adopt_user(username=userid):
            brains = api.content.find(portal_type="Discussion Item", path=path)
    return sorted(brain.getPath().split("/")[-3] for brain in brains)


def import_as(session_for, userid: str, archive: bytes):
    response = session_for(userid).post("projects/@import", data=archive, headers=ZIP)
    assert response.status_code == 201, response.text
    transaction.begin()
    return response


def test_an_administrator_restores_collaboration_as_it_was(space, exported, session_for, functional_portal):
    before = collaboration(space)
    before_serialized = serializations(space)
    before_catalog = catalogued_comments(space)
    old_room = space["call"].room
    unread = {userid: notifications.unread_count(userid) for userid in ("teacher-ana-es", "teacher-eva-es")}
    delete(space)

    import_as(session_for, "manager", exported)

    restored = functional_portal["projects"]["space"]
    after = collaboration(restored)
    assert after == before
    assert serializations(restored) == before_serialized
    # the states the channels give: bulletin, wall, public
    assert [after[p]["state"] for p in ("bulletin-post", "wall-post", "public-post")] == [
        "bulletin",
        "wall",
        "public",
    ]
    assert [depth for depth, *_rest in after["wall-post"]["comments"]] == [0, 1, 2, 0]
    assert catalogued_comments(restored) == before_catalog
    # a new room, never the archive's; nobody is notified of what the archive brings back
    assert restored["call"].room and restored["call"].room != old_room
    assert {userid: notifications.unread_count(userid) for userid in unread} == unread


def flags(session, path: str) -> list[tuple]:
    """Who wrote each comment and what the session may do with it, as ``@comments`` tells."""
    items = session.get(f"{path}/@comments").json()["items"]
    return [(i["author_username"], i["is_editable"], i["is_deletable"], i["can_reply"]) for i in items]


def test_a_restored_space_keeps_its_doors(space, exported, session_for, functional_portal):
    before = flags(session_for("pupil-nora"), "projects/space/wall-post")
    delete(space)
    import_as(session_for, "manager", exported)

    restored = functional_portal["projects"]["space"]
    # the pupil finds the wall's comments and the thread's, never the bulletin's
    assert catalogued_comments(restored, "pupil-nora") == ["rivers"] * 2 + ["wall-post"] * 4
    assert catalogued_comments(restored, "teacher-eva-es").count("bulletin-post") == 1
    pupil = session_for("pupil-nora")
    assert pupil.get("projects/space/bulletin-post/@comments").status_code in (401, 403, 404)
    wall = pupil.get("projects/space/wall-post/@comments").json()
    assert [item["author_username"] for item in wall["items"]] == [
        "teacher-eva-es",
        "pupil-nora",
        "teacher-ana-es",
        "teacher-luca-it",
    ]
    # what the pupil may do with each comment is what it was (its own comment it edits)
    assert flags(pupil, "projects/space/wall-post") == before
    assert wall["items"][1]["is_editable"] is True
    assert pupil.get("projects/space/wall-post/@likes").json() == {"count": 2, "liked": True}
    assert pupil.get("projects/space/poll/@poll").json()["answer"] == 1


def test_the_archive_holds_no_address_and_no_room(space, exported):
    members = documents(exported)
    text = b"".join(data if isinstance(data, bytes) else repr(data).encode() for data in members.values())
    assert b"@example.org" not in text
    assert space["call"].room.encode() not in text
    wall = members[item_name(members, "wall-post")]
    assert [c["author_username"] for c in wall["comments"]] == [
        "teacher-eva-es",
        "pupil-nora",
        "teacher-ana-es",
        "teacher-luca-it",
    ]
    assert set(members[item_name(members, "poll")]["poll_answers"]) == {"pupil-nora", "teacher-luca-it"}


def test_a_partial_archive_holds_no_likes_nor_answers(space, session_for):
    with as_system():
        api.content.transition(obj=space["forum"], transition="publish")
        api.content.transition(obj=space["forum"]["rivers"], transition="publish")
    transaction.commit()
    response = session_for("validator-es").get("projects/space/@export")
    members = documents(response.content)
    assert members["manifest.json"]["complete"] is False
    paths = {data["path"] for name, data in members.items() if name.startswith("items/")}
    assert {"public-post", "forum/rivers"} <= paths and not {"bulletin-post", "wall-post"} & paths
    thread = members[item_name(members, "forum/rivers")]
    # comments as the validator may read them: a pupil's first name only
    assert [(c["author_username"], c["author_name"]) for c in thread["comments"]] == [
        ("pupil-nora", "Nora"),
        ("teacher-luca-it", "Teacher Luca It"),
    ]
    assert "likes" not in thread and "poll_answers" not in str(members)


def test_a_validator_rebuilds_collaboration_through_the_checks_of_creation(
    space, exported, session_for, functional_portal
):
    before = collaboration(space)
    delete(space)

    response = import_as(session_for, "validator-es", exported)

    assert response.json()["mode"] == "rebuilt"
    rebuilt = functional_portal["projects"]["space"]
    after = collaboration(rebuilt)
    # each post in its channel; a draft project publishes nothing (the public post is on the wall)
    assert {p: after[p]["state"] for p in ("bulletin-post", "wall-post", "public-post")} == {
        "bulletin-post": "bulletin",
        "wall-post": "wall",
        "public-post": "wall",
    }
    assert {after[p]["state"] for p in ("forum", "forum/rivers", "forum/closed", "call", "poll")} == {
        "private"
    }

    # the rest as it was: comments in their threads, by their authors; likes, answers, meeting, lock
    def without_state(found):
        return {path: {k: v for k, v in e.items() if k != "state"} for path, e in found.items()}

    assert without_state(after) == without_state(before)
    assert rebuilt["wall-post"].listCreators() == ("pupil-nora",)
    assert rebuilt["wall-post"].getOwner().getId() == "pupil-nora"
