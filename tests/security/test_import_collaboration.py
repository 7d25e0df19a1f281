"""``@import`` of collaboration as an attacker edits the archive (issue 21): a pupil's post put in the
bulletin, comments, likes and poll answers by people who may not write them, answers that are no
option, malformed comments. Each is a 400 naming what is wrong, and nothing is made; for an
administrator's restore and a validator's rebuild alike.
"""

from collective.twinning.security import as_system
from plone import api
from plone.app.discussion.interfaces import IConversation
from tests.exportimport.archives import add_collaboration
from tests.exportimport.archives import cast
from tests.exportimport.archives import export_and_delete
from tests.exportimport.archives import item_name
from tests.exportimport.archives import labelled_project
from tests.security.test_import import edited
from tests.security.test_import import IMPORTERS
from tests.security.test_import import nothing_made
from tests.security.test_import import post

import copy
import pytest
import transaction


@pytest.fixture
def archive(functional_portal):
    """The administrator's archive of a labelled ES+IT project with posts, comments, likes, a meeting
    and a poll; deleted from the site with its pupil."""
    cast()
    space = labelled_project(functional_portal)
    add_collaboration(space)
    transaction.commit()
    archive = export_and_delete(space)
    with as_system():
        api.user.delete(username="pupil-nora")
    transaction.commit()
    return archive


def nothing_at_all(portal) -> bool:
    """No space, account or role (test_import's check), and no post, comment or poll anywhere."""
    return nothing_made(portal) and not api.content.find(
        portal_type=["Post", "Thread", "Poll", "Meeting", "Discussion Item"], unrestricted=True
    )


def refused(response, portal, *words) -> None:
    assert response.status_code == 400, response.text
    message = response.json()["message"]
    assert all(word in message for word in words), message
    assert nothing_at_all(portal)


def record(members: dict, path: str) -> dict:
    return members[item_name(members, path)]


def in_the_bulletin(entries) -> dict:
    """A workflow history that ends in the bulletin (what a restore would read)."""
    history = copy.deepcopy(entries)
    for _workflow, tagged in history["items"]:
        last = tagged["$tuple"][-1]["items"]
        for pair in last:
            if pair[0] == "review_state":
                pair[1] = "bulletin"
    return history


# A pupil's post in the bulletin ------------------------------------------------------------


def _pupil_post_to_bulletin(members):
    wall = record(members, "wall-post")
    wall["fields"]["channel"] = "bulletin"
    if "workflow_history" in wall:
        wall["workflow_history"] = in_the_bulletin(wall["workflow_history"])


def _bulletin_post_by_the_pupil(members):
    bulletin = record(members, "bulletin-post")
    bulletin["creators"] = ["pupil-nora"]
    bulletin["owner"] = "pupil-nora"
    bulletin["local_roles"] = {"pupil-nora": ["Owner"]}


@pytest.mark.parametrize("importer", IMPORTERS)
@pytest.mark.parametrize(
    "edit", [_pupil_post_to_bulletin, _bulletin_post_by_the_pupil], ids=["channel", "author"]
)
def test_a_pupil_never_writes_to_the_bulletin(archive, session_for, functional_portal, importer, edit):
    response = post(session_for(importer), edited(archive, edit))

    refused(response, functional_portal, "channel", "pupil-nora", "bulletin")


def test_a_restore_keeps_the_state_a_channel_gives(archive, session_for, functional_portal):
    def hidden_in_the_bulletin(members):  # a wall post whose history says bulletin
        wall = record(members, "wall-post")
        wall["workflow_history"] = in_the_bulletin(wall["workflow_history"])

    response = post(session_for("manager"), edited(archive, hidden_in_the_bulletin))

    refused(response, functional_portal, "wall-post", "workflow_history")


# Comments, likes and answers by people who may not write them -----------------------------


def _comment_by(userid: str, path: str = "wall-post"):
    def edit(members):
        comments = record(members, path)["comments"]
        forged = dict(
            comments[0],
            id=comments[-1]["id"] + 1,
            author_username=userid,
            creator=userid,
            author_name=userid,
            in_reply_to=None,
        )
        comments.append(forged)

    return edit


@pytest.mark.parametrize("importer", IMPORTERS)
@pytest.mark.parametrize(
    "userid,path",
    [
        ("member-mia-es", "wall-post"),
        ("validator-fr", "forum/rivers"),
        ("pupil-nora", "bulletin-post"),
        ("nobody-here", "wall-post"),
    ],
    ids=["non-member", "validator", "pupil-on-the-bulletin", "no-account"],
)
def test_a_comment_by_someone_who_may_not_comment_there(
    archive, session_for, functional_portal, importer, userid, path
):
    response = post(session_for(importer), edited(archive, _comment_by(userid, path)))

    refused(response, functional_portal, userid, path, "comments")


@pytest.mark.parametrize("importer", IMPORTERS)
@pytest.mark.parametrize("userid", ["member-mia-es", "validator-es"])
def test_a_like_by_a_non_member(archive, session_for, functional_portal, importer, userid):
    def like(members):
        record(members, "wall-post")["likes"][userid] = "2026-01-05T10:00:00+00:00"

    response = post(session_for(importer), edited(archive, like))

    refused(response, functional_portal, userid, "likes")


@pytest.mark.parametrize("importer", IMPORTERS)
@pytest.mark.parametrize(
    "userid,option,words",
    [
        ("member-mia-es", 0, ["member-mia-es"]),
        ("pupil-nora", 2, ["2", "option"]),
        ("pupil-nora", -1, ["-1", "option"]),
        ("pupil-nora", True, ["poll_answers"]),
        ("pupil-nora", "0", ["poll_answers"]),
    ],
    ids=["non-member", "past-the-last", "negative", "boolean", "text"],
)
def test_a_poll_answer_by_a_non_member_or_out_of_range(
    archive, session_for, functional_portal, importer, userid, option, words
):
    def answer(members):
        record(members, "poll")["poll_answers"][userid] = option

    response = post(session_for(importer), edited(archive, answer))

    refused(response, functional_portal, "poll_answers", *words)


# Malformed comments ---------------------------------------------------------------------------


def _first_comment(change):
    def edit(members):
        change(record(members, "wall-post")["comments"][0])

    return edit


def _reply_to_nothing(members):
    record(members, "wall-post")["comments"][1]["in_reply_to"] = 12345


def _comments_on_a_poll(members):
    record(members, "poll")["comments"] = record(members, "wall-post")["comments"]


def _likes_on_a_meeting(members):
    record(members, "call")["likes"] = {"teacher-ana-es": "2026-01-05T10:00:00+00:00"}


MALFORMED = {
    "an e-mail address": (_first_comment(lambda c: c.update(author_email="eva@example.org")), "author_email"),
    "anonymous": (_first_comment(lambda c: c.update(author_username="", creator=None)), "author_username"),
    "another creator": (_first_comment(lambda c: c.update(creator="teacher-ana-es")), "creator"),
    "a reply to nothing": (_reply_to_nothing, "in_reply_to"),
    "a format not offered": (_first_comment(lambda c: c.update(mime_type="text/x-python")), "mime_type"),
    "no date": (_first_comment(lambda c: c.update(created="yesterday")), "created"),
    "comments on a poll": (_comments_on_a_poll, "comments"),
    "likes on a meeting": (_likes_on_a_meeting, "likes"),
}


@pytest.mark.parametrize("importer", IMPORTERS)
@pytest.mark.parametrize("edit,key", MALFORMED.values(), ids=list(MALFORMED))
def test_malformed_collaboration_is_a_400_naming_where(
    archive, session_for, functional_portal, importer, edit, key
):
    response = post(session_for(importer), edited(archive, edit))

    refused(response, functional_portal, key)


# What an archive cannot choose --------------------------------------------------------------


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_meeting_gets_a_room_of_its_own(archive, session_for, functional_portal, importer):
    def room(members):
        record(members, "call")["fields"]["room"] = "twinning-known-to-the-attacker"

    response = post(session_for(importer), edited(archive, room))

    assert response.status_code == 201, response.text
    transaction.begin()
    room = functional_portal["projects"]["space"]["call"].room
    assert room.startswith("twinning-") and room != "twinning-known-to-the-attacker"


def test_a_rebuild_names_comment_authors_as_their_accounts_do(archive, session_for, functional_portal):
    def impersonate(members):
        for forged in record(members, "wall-post")["comments"]:
            forged["author_name"] = "The head teacher"

    response = post(session_for("validator-es"), edited(archive, impersonate))

    assert response.status_code == 201, response.text
    transaction.begin()
    wall = functional_portal["projects"]["space"]["wall-post"]
    names = {c.author_username: c.author_name for c in IConversation(wall).getComments()}
    assert names == {
        "teacher-eva-es": "Teacher Eva Es",
        "pupil-nora": "Nora Pérez",
        "teacher-ana-es": "Teacher Ana Es",
        "teacher-luca-it": "Teacher Luca It",
    }
