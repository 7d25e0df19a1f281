"""Where a piece of collaboration lives and who may write what there."""

from Acquisition import aq_chain
from Acquisition import aq_inner
from collective.twinning.interfaces import IHasRoster
from collective.twinning.membership.roles import GROUP_ADMIN
from collective.twinning.membership.roles import GROUP_MEMBER
from collective.twinning.membership.roles import TWINSPACE_ADMIN
from collective.twinning.membership.roles import TWINSPACE_PUPIL_ADMIN
from collective.twinning.membership.roles import TWINSPACE_TEACHER
from collective.twinning.membership.roster import roster_of
from plone import api


BULLETIN = "bulletin"
WALL = "wall"
CHANNELS = (BULLETIN, WALL)

# Who reads and writes the bulletin of a TwinSpace (never pupils nor observers).
BULLETIN_ROLES = frozenset({TWINSPACE_ADMIN, TWINSPACE_TEACHER, TWINSPACE_PUPIL_ADMIN})
ADMIN_ROLES = frozenset({TWINSPACE_ADMIN, GROUP_ADMIN})
TEACHER_ROLES = frozenset(
    {TWINSPACE_ADMIN, TWINSPACE_TEACHER, TWINSPACE_PUPIL_ADMIN, GROUP_ADMIN, GROUP_MEMBER}
)

# The states of a place in which its members collaborate (post, comment, like, answer).
OPEN_STATES = frozenset({"validated", "running", "active"})


def place_of(obj):
    """The TwinSpace or Group holding ``obj`` (itself when it is one), or None."""
    for item in aq_chain(aq_inner(obj)):
        if IHasRoster.providedBy(item):
            return item
    return None


def is_open(place) -> bool:
    """Whether the members of ``place`` may write in it now (its workflow state)."""
    return place is not None and api.content.get_state(obj=place, default=None) in OPEN_STATES


def role_in(place, userid: str | None) -> str | None:
    """The roster role of ``userid`` in ``place`` (None: not a member)."""
    if place is None or not userid:
        return None
    return roster_of(place).role_of(userid)


def is_member(place, userid: str | None) -> bool:
    return role_in(place, userid) is not None


def channels_for(place, userid: str | None) -> tuple[str, ...]:
    """The channels ``userid`` may post to in ``place``: the bulletin only in a TwinSpace."""
    if place is None:
        return ()
    if not IHasRoster.providedBy(place) or place.portal_type != "TwinSpace":
        return (WALL,)
    if not userid:
        return (WALL,)
    if api.user.get(userid=userid) is not None and is_site_admin(userid, place):
        return CHANNELS
    return CHANNELS if role_in(place, userid) in BULLETIN_ROLES else (WALL,)


def is_site_admin(userid: str, place) -> bool:
    """Manager or Site Administrator (of the site, or given on ``place``)."""
    if api.user.get(userid=userid) is None:
        return False
    roles = api.user.get_roles(username=userid, obj=place)
    return "Manager" in roles or "Site Administrator" in roles
