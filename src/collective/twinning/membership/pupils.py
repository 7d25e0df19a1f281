"""Pupil accounts (``@pupils``): made by the space's teachers, no e-mail, only the Pupil role."""

from collective.twinning import audit
from collective.twinning.membership.members import PUPIL_PROPERTY
from collective.twinning.membership.roles import PUPIL_ROLE
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from collective.twinning.teachers.requests import forget_request
from plone import api
from zExceptions import BadRequest
from zExceptions import NotFound


def _text(data: dict, name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise BadRequest(f"{name} is required.")
    return value.strip()


def create_pupil(space, data: dict) -> dict:
    """Create the account and add it to the space as TwinSpacePupil."""
    username = _text(data, "username")
    fullname = _text(data, "fullname")
    password = data.get("password")
    if not isinstance(password, str) or not password:
        raise BadRequest("password is required.")
    registration = api.portal.get_tool("portal_registration")
    if not registration.isMemberIdAllowed(username):
        raise BadRequest(f"username: '{username}' is taken or not a valid user name.")
    problem = registration.testPasswordValidity(password)
    if problem:
        raise BadRequest(f"password: {problem}")
    # No properties at creation: the registration checks insist on an e-mail.
    with as_system():
        registration.addMember(username, password, [PUPIL_ROLE])
        user = api.user.get(userid=username)
        user.setMemberProperties({"fullname": fullname, PUPIL_PROPERTY: space.UID()})
    forget_request(username)  # a pupil is no teacher request
    Roster(space).set(username, TWINSPACE_PUPIL, what="pupil_created")
    return {"id": username, "fullname": fullname}


def list_pupils(space) -> dict:
    items = []
    for userid, role in Roster(space).items():
        if role != TWINSPACE_PUPIL:
            continue
        user = api.user.get(userid=userid)
        if user is not None:
            items.append({"id": userid, "fullname": user.getProperty("fullname", "")})
    return {"items": items, "items_total": len(items)}


def delete_pupil(space, username: str) -> None:
    """Delete the account of a pupil made by this space (and its place in every roster)."""
    user = api.user.get(userid=username)
    if (
        user is None
        or user.getProperty(PUPIL_PROPERTY, "") != space.UID()
        or Roster(space).role_of(username) != TWINSPACE_PUPIL
    ):
        raise NotFound(f"{username} is not a pupil of this space.")
    audit.record(space, "pupil_deleted", username)
    with as_system():
        # Deleting the account takes it out of every roster (subscribers.members).
        api.user.delete(username=username)
