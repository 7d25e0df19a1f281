"""The collaboration permission tables through plone.restapi (2xx where allowed, 401/403/404 where not)."""

from collective.twinning.security import as_system
from tests.collaboration.conftest import as_owner
from tests.collaboration.conftest import build_group
from tests.collaboration.conftest import GROUP_ACCOUNTS
from tests.collaboration.tables import EXPECTED
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project
from tests.workflows.matrix import ROLES
from tests.workflows.tables import rest_table

import pytest
import transaction


POST = {"@type": "Post", "text": "<p>Hello</p>", "channel": "wall"}
COMMENT = {"text": "Nice!"}


def requests_for(base: str) -> dict:
    return {
        "add_post": ("POST", "", POST, {201}),
        "post_bulletin": ("POST", "", {**POST, "channel": "bulletin"}, {201}),
        "view_bulletin": ("GET", "/bulletin", None, {200}),
        "view_wall": ("GET", "/wall", None, {200}),
        "comment_bulletin": ("POST", "/bulletin/@comments", COMMENT, {204}),
        "comment_wall": ("POST", "/wall/@comments", COMMENT, {204}),
        "like_wall": ("POST", "/wall/@likes", None, {200}),
        "add_forum": ("POST", "", {"@type": "Forum", "title": "More"}, {201}),
        "add_thread": ("POST", "/forum", {"@type": "Thread", "title": "T", "text": "<p>t</p>"}, {201}),
        "reply_thread": ("POST", "/forum/thread/@comments", COMMENT, {204}),
        "add_meeting": (
            "POST",
            "",
            {
                "@type": "Meeting",
                "title": "Call",
                "start": "2030-01-01T10:00:00+00:00",
                "end": "2030-01-01T11:00:00+00:00",
                "invitees": "members",
            },
            {201},
        ),
        "add_poll": ("POST", "", {"@type": "Poll", "question": "Day?", "options": ["Mon", "Tue"]}, {201}),
        "answer_poll": ("POST", "/poll/@poll", {"option": 1}, {200}),
    }


def _content(place, owner: str) -> None:
    with as_system():
        as_owner(place, owner, "Post", id="wall", channel="wall")
        if place.portal_type == "TwinSpace":
            as_owner(place, owner, "Post", id="bulletin", channel="bulletin")
        forum = as_owner(place, owner, "Forum", id="forum", title="Forum")
        as_owner(forum, owner, "Thread", id="thread", title="A thread")
        as_owner(place, owner, "Poll", id="poll", question="Which day?", options=["Mon", "Tue"])


@pytest.mark.parametrize("state", ("validated", "running", "concluded"))
def test_rest_permission_table(functional_portal, request_factory, state):
    space, _page, _materials = build_project(functional_portal, state)
    _content(space, ACCOUNTS["founder"])
    transaction.commit()
    requests = requests_for("/projects/space")
    allowed, unexpected = rest_table(request_factory, ACCOUNTS, ROLES, "/projects/space", requests)
    # Everyone refused a bulletin post is told why (400 naming channel) when they may post at all.
    unexpected = [
        row
        for row in unexpected
        if not (row[1] == "post_bulletin" and row[2] == 400 and "'channel'" in row[3])
    ]
    assert unexpected == []
    assert allowed == {action: set(EXPECTED[action][state]) for action in requests}


GROUP_ROLES = ("groupadmin", "groupmember", "outsider", "manager", "anonymous")
GROUP_EXPECTED = {
    # state -> action -> roles
    "active": {
        "add_post": {"groupadmin", "groupmember", "manager"},
        "post_bulletin": set(),
        "view_wall": {"groupadmin", "groupmember", "manager"},
        "comment_wall": {"groupadmin", "groupmember", "manager"},
        "like_wall": {"groupadmin", "groupmember", "manager"},
        "add_forum": {"groupadmin", "manager"},
        "add_thread": {"groupadmin", "groupmember", "manager"},
        "reply_thread": {"groupadmin", "groupmember", "manager"},
        "add_meeting": {"groupadmin", "manager"},
        "add_poll": {"groupadmin", "groupmember", "manager"},
        "answer_poll": {"groupadmin", "groupmember"},
    },
    "archived": {
        "add_post": {"manager"},
        "post_bulletin": set(),
        "view_wall": {"groupadmin", "groupmember", "manager"},
        "comment_wall": set(),
        "like_wall": set(),
        "add_forum": {"manager"},
        "add_thread": {"manager"},
        "reply_thread": set(),
        "add_meeting": {"manager"},
        "add_poll": {"manager"},
        "answer_poll": set(),
    },
}


@pytest.mark.parametrize("state", ("active", "archived"))
def test_group_rest_permission_table(functional_portal, request_factory, state):
    group = build_group(functional_portal, state)
    _content(group, GROUP_ACCOUNTS["groupadmin"])
    transaction.commit()
    requests = {
        k: v for k, v in requests_for("/groups/group").items() if "bulletin" not in k or k == "post_bulletin"
    }
    allowed, unexpected = rest_table(request_factory, GROUP_ACCOUNTS, GROUP_ROLES, "/groups/group", requests)
    unexpected = [
        row
        for row in unexpected
        if not (row[1] == "post_bulletin" and row[2] == 400 and "'channel'" in row[3])
    ]
    assert unexpected == []
    assert allowed == {action: GROUP_EXPECTED[state][action] for action in requests}
