"""Joining and leaving a Group (``@join``, ``@leave``) and its invitations
(``@invitations``), callable without HTTP.

Who may join an active group, by its ``access``:

- ``open``: any account but pupils';
- ``etwinners``: validated teachers (global role Teacher);
- ``invitation``: validated teachers its admins invited (``@invitations``).

Admins may also add people directly with ``@members`` (same eligibility).
"""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.errors import Forbidden
from collective.twinning.errors import NotFound
from collective.twinning.lifecycle.notifications import send_mail
from collective.twinning.membership.members import existing_user
from collective.twinning.membership.members import remove_member
from collective.twinning.membership.roles import GROUP_MEMBER
from collective.twinning.membership.roster import GroupRoster
from plone import api


ACTIVE = "active"


def join(group, userid: str | None) -> tuple[dict, bool]:
    """Make ``userid`` a GroupMember; (membership, whether it is new).

    Joining twice is harmless: the second call answers the membership held.
    Refusals are Forbidden (403): the request is fine, the rules say no.
    """
    state = api.content.get_state(obj=group)
    if state != ACTIVE:
        raise Forbidden(_("Only active groups can be joined."))
    user = api.user.get(userid=userid) if userid else None
    if user is None:
        raise Forbidden(_("Log in to join a group."))
    roster = GroupRoster(group)
    role = roster.role_of(userid)
    if role is not None:
        return {"id": userid, "role": role}, False
    problem = roster.problem_with(user, GROUP_MEMBER)
    if problem:
        raise Forbidden(problem)
    if group.access == "invitation" and not roster.is_invited(userid):
        raise Forbidden(_("The group is by invitation only: ask its admins to invite you."))
    roster.set(userid, GROUP_MEMBER)
    return {"id": userid, "role": GROUP_MEMBER}, True


def leave(group, userid: str) -> None:
    """Leave the group; its creator (always its admin) and the last admin cannot."""
    remove_member(group, userid)


def invite(group, userid, by: str) -> dict:
    """Invite an eligible account (mailed); validated before anything is written."""
    user = existing_user(userid)
    roster = GroupRoster(group)
    if userid in roster:
        raise FieldError("user", _("${user} is already a member.", mapping={"user": userid}))
    if roster.is_invited(userid):
        raise FieldError("user", _("${user} is already invited.", mapping={"user": userid}))
    problem = roster.problem_with(user, GROUP_MEMBER)
    if problem:
        raise FieldError("user", problem)
    invitation = roster.invite(userid, by)
    title, url = group.Title(), group.absolute_url()
    send_mail(
        [userid],
        f"You are invited to the group {title}",
        f"You are invited to join the group '{title}'.\n\n"
        f"Join it with POST {url}/@join or from its page:\n{url}\n",
    )
    return invitation


def list_invitations(group) -> dict:
    items = GroupRoster(group).invitations()
    return {"items": items, "items_total": len(items)}


def withdraw_invitation(group, userid: str) -> None:
    if not GroupRoster(group).withdraw(userid):
        raise NotFound(f"{userid} is not invited to this group.")
