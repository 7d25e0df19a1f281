"""Membership rules of a TwinSpace or a Group (``@members``), callable without HTTP."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.errors import NotFound
from collective.twinning.lifecycle.notifications import send_mail
from collective.twinning.membership.roles import is_pupil_account  # noqa: F401 (API)
from collective.twinning.membership.roles import PUPIL_PROPERTY  # noqa: F401 (API)
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import founders
from collective.twinning.membership.roster import roster_of
from collective.twinning.membership.roster import RosterBase
from plone import api


def first_name(fullname: str) -> str:
    return fullname.split()[0] if fullname.strip() else ""


def list_members(place, viewer_id: str) -> dict:
    """Members with their role and country; a pupil viewer sees first names only."""
    roster = roster_of(place)
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


def _check_role(roster: RosterBase, role) -> str:
    if role not in roster.roles:
        raise FieldError("role", _("Choose one of the roles."))
    return role


def _check_may_hold(roster: RosterBase, user, role: str) -> None:
    problem = roster.problem_with(user, role)
    if problem:
        raise FieldError("user", problem)


def existing_user(userid):
    """The account of ``userid`` from a request body, or a FieldError naming ``user``."""
    if not isinstance(userid, str) or not userid:
        raise FieldError("user", _("This field is required."))
    user = api.user.get(userid=userid)
    if user is None:
        raise FieldError("user", _("There is no account '${user}'.", mapping={"user": userid}))
    return user


def add_member(place, userid, role) -> dict:
    user = existing_user(userid)
    roster = roster_of(place)
    _check_role(roster, role)
    if userid in roster:
        raise FieldError("user", _("${user} is already a member.", mapping={"user": userid}))
    _check_may_hold(roster, user, role)
    roster.set(userid, role)
    send_mail(
        [userid],
        f"You were added to the {roster.noun} {place.Title()}",
        f"You are now {role} of the {roster.noun} '{place.Title()}'.\n\n{place.absolute_url()}\n",
    )
    return {"id": userid, "role": role}


def _existing_member(place, userid: str) -> RosterBase:
    roster = roster_of(place)
    if userid not in roster:
        raise NotFound(_("${user} is not a member.", mapping={"user": userid}))
    if userid in founders(place):
        raise FieldError("user", _("${user} founded it and stays its admin.", mapping={"user": userid}))
    return roster


def _check_not_last_admin(roster: RosterBase, userid: str) -> None:
    if roster.admins() == [userid]:
        raise FieldError("user", _("${user} is the last admin.", mapping={"user": userid}))


def change_role(place, userid: str, role) -> dict:
    roster = _existing_member(place, userid)
    _check_role(roster, role)
    if role != roster.admin_role:
        _check_not_last_admin(roster, userid)
    _check_may_hold(roster, api.user.get(userid=userid), role)
    roster.set(userid, role)
    return {"id": userid, "role": role}


def remove_member(place, userid: str) -> None:
    roster = _existing_member(place, userid)
    _check_not_last_admin(roster, userid)
    roster.remove(userid)
