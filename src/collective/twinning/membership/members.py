"""Membership rules of a TwinSpace (``@members``), callable without HTTP."""

from collective.twinning.lifecycle.notifications import send_mail
from collective.twinning.membership.roles import LOCAL_ROLES
from collective.twinning.membership.roles import TEACHER
from collective.twinning.membership.roles import TEACHER_ROLES
from collective.twinning.membership.roles import TWINSPACE_ADMIN
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import founders
from collective.twinning.membership.roster import Roster
from plone import api
from zExceptions import BadRequest
from zExceptions import NotFound


PUPIL_PROPERTY = "pupil_of"


def is_pupil_account(user) -> bool:
    return bool(user.getProperty(PUPIL_PROPERTY, ""))


def first_name(fullname: str) -> str:
    return fullname.split()[0] if fullname.strip() else ""


def list_members(space, viewer_id: str) -> dict:
    """Members with their role and country; a pupil viewer sees first names only."""
    roster = Roster(space)
    viewer_is_pupil = roster.role_of(viewer_id) == TWINSPACE_PUPIL
    items = []
    for userid, role in roster.items():
        user = api.user.get(userid=userid)
        if user is None:
            continue
        fullname = user.getProperty("fullname", "") or userid
        items.append(
            {
                "id": userid,
                "fullname": first_name(fullname) if viewer_is_pupil else fullname,
                "role": role,
                "country": user.getProperty("country", "") or None,
            }
        )
    return {"items": items, "items_total": len(items)}


def _check_role(role) -> str:
    if role not in LOCAL_ROLES:
        raise BadRequest(f"role must be one of {', '.join(LOCAL_ROLES)}.")
    return role


def _check_may_hold(user, role: str) -> None:
    """Teacher roles for validated teachers, the pupil role for pupil accounts."""
    roles = api.user.get_roles(user=user)
    if role in TEACHER_ROLES and TEACHER not in roles:
        raise BadRequest(f"user: {user.getId()} is not a validated teacher and cannot be {role}.")
    if role == TWINSPACE_PUPIL and not is_pupil_account(user):
        raise BadRequest(f"user: {user.getId()} is not a pupil account (see @pupils).")
    if role != TWINSPACE_PUPIL and is_pupil_account(user):
        raise BadRequest(f"user: {user.getId()} is a pupil account and can only be {TWINSPACE_PUPIL}.")


def add_member(space, userid, role) -> dict:
    if not isinstance(userid, str) or not userid:
        raise BadRequest("user is required.")
    user = api.user.get(userid=userid)
    if user is None:
        raise BadRequest(f"user: no account '{userid}'.")
    _check_role(role)
    roster = Roster(space)
    if userid in roster:
        raise BadRequest(f"user: {userid} is already a member; change the role with PATCH.")
    _check_may_hold(user, role)
    roster.set(userid, role)
    send_mail(
        [userid],
        f"You were added to the project {space.Title()}",
        f"You are now {role} of the TwinSpace '{space.Title()}'.\n\n{space.absolute_url()}\n",
    )
    return {"id": userid, "role": role}


def _existing_member(space, userid: str) -> Roster:
    roster = Roster(space)
    if userid not in roster:
        raise NotFound(f"{userid} is not a member of this space.")
    if userid in founders(space):
        raise BadRequest(f"user: {userid} founded the project and stays its admin.")
    return roster


def _check_not_last_admin(roster: Roster, userid: str) -> None:
    if roster.admins() == [userid]:
        raise BadRequest(f"user: {userid} is the last admin of the space.")


def change_role(space, userid: str, role) -> dict:
    roster = _existing_member(space, userid)
    _check_role(role)
    if role != TWINSPACE_ADMIN:
        _check_not_last_admin(roster, userid)
    _check_may_hold(api.user.get(userid=userid), role)
    roster.set(userid, role)
    return {"id": userid, "role": role}


def remove_member(space, userid: str) -> None:
    roster = _existing_member(space, userid)
    _check_not_last_admin(roster, userid)
    roster.remove(userid)
