"""The permission tables of collaboration (state of the place × role × action)."""

from tests.workflows.matrix import ROLES
from tests.workflows.matrix import STATES


ADMINS = frozenset({"founder", "admin", "manager"})
TEACHERS = ADMINS | {"teacher"}
BULLETIN = TEACHERS | {"pupiladmin"}
MEMBERS = BULLETIN | {"pupil", "observer"}
OPEN = ("validated", "running")


def table(**by_state):
    others = by_state.pop("others", frozenset({"manager"}))
    return {state: frozenset(by_state.get(state, others)) for state in STATES}


def when_open(validated, running, closed=frozenset()):
    return table(validated=validated, running=running, others=closed)


# action -> state -> roles allowed (TwinSpace)
EXPECTED = {
    "add_post": table(validated=TEACHERS, running=BULLETIN | {"pupil"}),
    "post_bulletin": table(validated=TEACHERS, running=BULLETIN),
    "view_bulletin": table(others=BULLETIN),
    "view_wall": table(others=MEMBERS),
    "comment_bulletin": when_open(BULLETIN, BULLETIN),
    "comment_wall": when_open(BULLETIN | {"pupil"}, BULLETIN | {"pupil"}),
    "like_wall": when_open(BULLETIN | {"pupil"}, BULLETIN | {"pupil"}),
    "pin": table(others=ADMINS),
    "add_forum": table(validated=ADMINS, running=ADMINS),
    "add_thread": table(validated=TEACHERS, running=BULLETIN),
    "reply_thread": when_open(MEMBERS, MEMBERS),
    "add_meeting": table(validated=ADMINS, running=ADMINS),
    "add_poll": table(validated=TEACHERS, running=TEACHERS),
    "answer_poll": when_open(MEMBERS - {"manager"}, MEMBERS - {"manager"}),
}
EXPECTED["add_post"]["archived"] = EXPECTED["post_bulletin"]["archived"] = frozenset({"manager"})

__all__ = ["EXPECTED", "ROLES", "STATES"]
