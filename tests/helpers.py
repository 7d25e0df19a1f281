"""Accounts and projects in a given state, for the lifecycle and permission tests."""

from collective.twinning.lifecycle.countries import ensure_validator_group
from collective.twinning.lifecycle.countries import validator_group_id
from collective.twinning.security import as_system
from collective.twinning.teachers.requests import forget_request
from plone import api


PASSWORD = "secret-pass-2026"

# Transitions that lead from draft to each state (fired with system rights).
PATHS = {
    "draft": [],
    "pending": ["submit"],
    "validated": ["submit", "validate"],
    "running": ["submit", "validate", "start"],
    "concluded": ["submit", "validate", "start", "conclude"],
    "labelled": ["submit", "validate", "start", "label"],
    "archived": ["submit", "validate", "start", "conclude", "archive"],
}
STATES = tuple(PATHS)


def create_account(userid: str, country: str | None = "ES", roles=()):
    api.user.create(
        email=f"{userid}@example.org",
        username=userid,
        password=PASSWORD,
        properties={"fullname": userid.replace("-", " ").title(), "country": country or ""},
    )
    forget_request(userid)
    if roles:
        api.user.grant_roles(username=userid, roles=list(roles))
    return api.user.get(userid=userid)


def create_teacher(userid: str, country: str = "ES"):
    return create_account(userid, country, roles=["Teacher"])


def create_validator(userid: str, country: str):
    user = create_account(userid, country)
    ensure_validator_group(country)
    api.group.add_user(groupname=validator_group_id(country), username=userid)
    return user


def make_space(container, owner: str, cofounder: str | None, state: str = "draft", id_="space"):
    """A TwinSpace created by ``owner`` and brought to ``state``."""
    with api.env.adopt_user(username=owner):
        space = api.content.create(
            container=container,
            type="TwinSpace",
            id=id_,
            title=f"Project {id_}",
            languages=["en"],
            subjects=["art"],
            age_from=8,
            age_to=10,
            cofounder=cofounder,
        )
    with as_system():
        for transition in PATHS[state]:
            api.content.transition(obj=space, transition=transition)
    return space


# Transitions that lead a new (pending) group to each state.
GROUP_PATHS = {"pending": [], "active": ["approve"], "archived": ["approve", "archive"]}


def make_group(container, owner: str, access: str = "open", state: str = "active", id_="group"):
    """A Group created by ``owner`` and brought to ``state`` (with system rights)."""
    with api.env.adopt_user(username=owner):
        group = api.content.create(
            container=container,
            type="Group",
            id=id_,
            title=f"Group {id_}",
            access=access,
            languages=["en"],
            subjects=["art"],
        )
    with as_system():
        for transition in GROUP_PATHS[state]:
            api.content.transition(obj=group, transition=transition)
    return group


def create_pupil_account(userid: str):
    """An account marked as a pupil's (as @pupils makes them), without a space."""
    user = create_account(userid, None)
    user.setMemberProperties({"pupil_of": "some-space-uid", "email": ""})
    return user
