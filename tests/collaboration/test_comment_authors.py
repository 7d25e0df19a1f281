"""Only a comment's author edits it; its author or the place's admins delete it. The author of the post
is no moderator of the comments on it (its Owner role reaches the comments below it; the comment
workflow gives editing to the role CommentAuthor, which each comment gives its own author only)."""

from collective.twinning.security import as_system
from tests.collaboration.conftest import as_owner
from tests.collaboration.conftest import html
from tests.exportimport.archives import comment
from tests.helpers import PASSWORD
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project

import pytest
import transaction


@pytest.fixture
def wall(functional_portal):
    """A pupil's wall post with a comment by a teacher and one by the pupil; their ids."""
    space, _page, _materials = build_project(functional_portal, "running")
    with as_system():
        post = as_owner(space, ACCOUNTS["pupil"], "Post", id="wall", channel="wall", text=html("My drawing"))
    ids = {
        "teacher": comment(post, ACCOUNTS["teacher"], "Lovely colours"),
        "pupil": comment(post, ACCOUNTS["pupil"], "Thanks"),
    }
    transaction.commit()
    return ids


def session(request_factory, role):
    return request_factory(basic_auth=(ACCOUNTS[role], PASSWORD))


@pytest.mark.parametrize(
    "actor,author,action,allowed",
    [
        ("pupil", "teacher", "edit", False),  # the post is the pupil's: the teacher's comment is not
        ("pupil", "teacher", "delete", False),
        ("pupil", "pupil", "edit", True),
        ("pupil", "pupil", "delete", True),
        ("teacher", "pupil", "edit", False),
        ("teacher", "teacher", "edit", True),
        ("founder", "teacher", "edit", False),  # admins moderate: they delete, they do not rewrite
        ("founder", "teacher", "delete", True),
    ],
)
def test_who_edits_and_deletes_a_comment(wall, request_factory, actor, author, action, allowed):
    url = f"/projects/space/wall/@comments/{wall[author]}"
    client = session(request_factory, actor)
    listed = {
        item["author_username"]: item for item in client.get("/projects/space/wall/@comments").json()["items"]
    }
    flag = "is_editable" if action == "edit" else "is_deletable"
    assert listed[ACCOUNTS[author]][flag] is allowed

    response = client.patch(url, json={"text": "Rewritten"}) if action == "edit" else client.delete(url)

    assert (response.status_code == 204) is allowed, (response.status_code, response.text[:300])
    after = {
        i["author_username"]: i
        for i in session(request_factory, "founder").get("/projects/space/wall/@comments").json()["items"]
    }
    if action == "edit":
        assert (after[ACCOUNTS[author]]["text"]["data"] == "Rewritten") is allowed
    else:
        assert (ACCOUNTS[author] not in after) is allowed
