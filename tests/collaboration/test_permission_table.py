"""Who may post, read each channel, comment, like, pin, open forums, threads, meetings and polls,
by the state of the TwinSpace (Python: permissions and the rules the services apply)."""

from collective.twinning.collaboration import polls
from collective.twinning.collaboration.places import channels_for
from collective.twinning.security import as_system
from plone import api
from tests.collaboration.conftest import as_owner
from tests.collaboration.tables import EXPECTED
from tests.collaboration.tables import ROLES
from tests.collaboration.tables import STATES
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import acting_as
from tests.workflows.conftest import build_project
from zExceptions import Forbidden

import pytest


def can(permission, obj) -> bool:
    return bool(api.user.has_permission(permission, obj=obj))


def may_comment(obj) -> bool:
    return can("Reply to item", obj) and bool(obj.allow_discussion)


def may_like(obj, userid) -> bool:
    try:
        from collective.twinning.services.likes.likes import check_member
        from collective.twinning.services.likes.likes import check_open

        check_member(obj)
        check_open(obj)
    except Forbidden:
        return False
    return can("Reply to item", obj)


def may_answer(poll, userid) -> bool:
    """Answering is for the members of the place (Reply to item, then the poll's rules)."""
    if not can("Reply to item", poll):
        return False
    try:
        polls.answer(poll, userid, 0)
    except Forbidden:
        return False
    return True


def _channel_ok(space, userid) -> bool:
    return can("collective.twinning: Add Post", space) and "bulletin" in channels_for(space, userid)


@pytest.mark.parametrize("state", STATES)
def test_permission_table(portal, state):
    space, _page, _materials = build_project(portal, state)
    with as_system():
        founder = ACCOUNTS["founder"]
        bulletin = as_owner(space, founder, "Post", channel="bulletin")
        wall = as_owner(space, founder, "Post", channel="wall")
        forum = as_owner(space, founder, "Forum", title="Forum")
        thread = as_owner(forum, founder, "Thread", title="A thread")
        poll = as_owner(space, founder, "Poll", question="Which day?", options=["Mon", "Tue"])
    assert api.content.get_state(bulletin) == "bulletin"
    assert api.content.get_state(wall) == "wall"
    actions = {
        "add_post": lambda u: can("collective.twinning: Add Post", space),
        "post_bulletin": lambda u: _channel_ok(space, u),
        "view_bulletin": lambda u: can("View", bulletin),
        "view_wall": lambda u: can("View", wall),
        "comment_bulletin": lambda u: may_comment(bulletin),
        "comment_wall": lambda u: may_comment(wall),
        "like_wall": lambda u: may_like(wall, u),
        "pin": lambda u: can("collective.twinning: Pin posts", space),
        "add_forum": lambda u: can("collective.twinning: Add Forum", space),
        "add_thread": lambda u: can("collective.twinning: Add Thread", forum),
        "reply_thread": lambda u: may_comment(thread),
        "add_meeting": lambda u: can("collective.twinning: Add Meeting", space),
        "add_poll": lambda u: can("collective.twinning: Add Poll", space),
        "answer_poll": lambda u: may_answer(poll, u),
    }
    allowed = {action: set() for action in actions}
    for role in ROLES:
        userid = ACCOUNTS.get(role)
        with acting_as(role):
            for action, check in actions.items():
                if check(userid):
                    allowed[action].add(role)
    assert allowed == {action: set(EXPECTED[action][state]) for action in actions}
