"""The roster of a TwinSpace or a Group: who holds which local role.

Stored in an OOBTree (with a Length counter) in the place's annotations, so
that people joining at the same time change different buckets and do not
conflict. Founders are not stored: they are always admins (see founders()).
Every change is mirrored in ``membership.index``, which gives users the place's
group principals: no catalog record is written when people join or leave.

``Roster`` is a TwinSpace's, ``GroupRoster`` a Group's; they share the storage
and differ in their roles, their catalog index and who may hold their roles
(``problem_with``). ``roster_of`` picks the right one for a place.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collective.twinning import _
from collective.twinning import audit
from collective.twinning.content.group import IGroup
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.membership import index
from collective.twinning.membership.roles import GROUP_ADMIN
from collective.twinning.membership.roles import GROUP_ROLES
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roles import LOCAL_ROLES
from collective.twinning.membership.roles import TEACHER
from collective.twinning.membership.roles import TEACHER_ROLES
from collective.twinning.membership.roles import TWINSPACE_ADMIN
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from datetime import datetime
from datetime import UTC
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18nmessageid import Message


ANNOTATION_KEY = "collective.twinning.roster"
INVITATIONS_KEY = "collective.twinning.invitations"


class RosterData(Persistent):
    def __init__(self):
        self.roles = OOBTree()  # userid -> local role
        self.size = Length()


def founders(place) -> tuple[str, ...]:
    """The creator and (for a TwinSpace) the named partner founder, in that order."""
    creators = place.listCreators() if hasattr(place, "listCreators") else ()
    people = [creators[0]] if creators else []
    cofounder = getattr(place, "cofounder", None)
    if cofounder and cofounder not in people:
        people.append(cofounder)
    return tuple(people)


class RosterBase:
    """Read and change the members of a place (founders included as admins)."""

    roles: tuple[str, ...] = ()  # the local roles the roster gives
    admin_role: str = ""
    noun: str = ""  # what the place is called in messages

    def __init__(self, place):
        self.place = place

    @property
    def _data(self) -> RosterData | None:
        return IAnnotations(self.place).get(ANNOTATION_KEY)

    def _ensure(self) -> RosterData:
        annotations = IAnnotations(self.place)
        data = annotations.get(ANNOTATION_KEY)
        if data is None:
            data = annotations[ANNOTATION_KEY] = RosterData()
        return data

    def role_of(self, userid: str) -> str | None:
        if userid in founders(self.place):
            return self.admin_role
        data = self._data
        return None if data is None else data.roles.get(userid)

    def items(self) -> list[tuple[str, str]]:
        """(userid, role) for every member, founders first."""
        result = [(userid, self.admin_role) for userid in founders(self.place)]
        data = self._data
        if data is not None:
            people = set(dict(result))
            result.extend((u, r) for u, r in data.roles.items() if u not in people)
        return result

    def admins(self) -> list[str]:
        return [userid for userid, role in self.items() if role == self.admin_role]

    def __contains__(self, userid: str) -> bool:
        return self.role_of(userid) is not None

    def __len__(self) -> int:
        return len(self.items())

    def set(self, userid: str, role: str, what: str | None = None) -> None:
        """Give ``userid`` the ``role``; audited as ``what`` (default: added or changed)."""
        if role not in self.roles:
            raise ValueError(role)
        data = self._ensure()
        previous = data.roles.get(userid)
        if previous is None:
            data.size.change(1)
        data.roles[userid] = role
        if userid not in founders(self.place):
            index.record(self.place, userid, role)
        if previous != role:
            details = {"role": role} if previous is None else {"role": role, "previous_role": previous}
            audit.record(
                self.place,
                what or ("member_added" if previous is None else "role_changed"),
                userid,
                **details,
            )

    def remove(self, userid: str) -> None:
        data = self._data
        if data is not None and userid in data.roles:
            role = data.roles[userid]
            del data.roles[userid]
            data.size.change(-1)
            if userid not in founders(self.place):
                index.forget(self.place, userid)
            audit.record(self.place, "member_removed", userid, previous_role=role)

    def problem_with(self, user, role: str) -> Message | None:
        """Why ``user`` may not hold ``role`` here, or None when they may."""
        raise NotImplementedError

    def sync_index(self) -> None:
        """The index holds exactly this roster (a new place, founders changed, a migration).

        A new place gets its storage here, so that its first joiners do not all create it."""
        self._ensure()
        index.sync_place(self.place, dict(self.items()))


def _not_a_teacher(userid: str) -> Message:
    return _("${user} is not a validated teacher and cannot have this role.", mapping={"user": userid})


class Roster(RosterBase):
    """The roster of a TwinSpace: its founders and the people they add."""

    roles = LOCAL_ROLES
    admin_role = TWINSPACE_ADMIN
    noun = "project"

    def problem_with(self, user, role: str) -> Message | None:
        """Teacher roles for validated teachers, the pupil role for pupil accounts."""
        userid = user.getId()
        if role in TEACHER_ROLES and TEACHER not in api.user.get_roles(user=user):
            return _not_a_teacher(userid)
        if role == TWINSPACE_PUPIL and not is_pupil_account(user):
            return _("${user} is not a pupil account.", mapping={"user": userid})
        if role != TWINSPACE_PUPIL and is_pupil_account(user):
            return _("${user} is a pupil account and can only be a pupil.", mapping={"user": userid})
        return None


class GroupRoster(RosterBase):
    """The roster of a Group: its creator (always GroupAdmin), members, invitations."""

    roles = GROUP_ROLES
    admin_role = GROUP_ADMIN
    noun = "group"

    def problem_with(self, user, role: str) -> Message | None:
        """Never pupils; admins are validated teachers, and so is everyone in an
        ``etwinners`` group."""
        userid = user.getId()
        if is_pupil_account(user):
            return _("${user} is a pupil account; pupils do not join groups.", mapping={"user": userid})
        if TEACHER in api.user.get_roles(user=user):
            return None
        if role == GROUP_ADMIN:
            return _not_a_teacher(userid)
        if getattr(self.place, "access", None) != "open":
            return _(
                "${user} is not a validated teacher; only open groups take other members.",
                mapping={"user": userid},
            )
        return None

    def set(self, userid: str, role: str, what: str | None = None) -> None:
        super().set(userid, role, what)
        self.withdraw(userid)  # a member needs no invitation

    # Invitations: who may join an invitation-only group (see membership.groups).

    def _invitations(self, create: bool = False) -> OOBTree | None:
        annotations = IAnnotations(self.place)
        if INVITATIONS_KEY not in annotations and create:
            annotations[INVITATIONS_KEY] = OOBTree()
        return annotations.get(INVITATIONS_KEY)

    def invite(self, userid: str, by: str) -> dict:
        invitation = {"id": userid, "by": by, "date": datetime.now(UTC).isoformat()}
        self._invitations(create=True)[userid] = invitation
        index.invite(self.place, userid)
        return dict(invitation)

    def is_invited(self, userid: str) -> bool:
        invitations = self._invitations()
        return invitations is not None and userid in invitations

    def invitations(self) -> list[dict]:
        invitations = self._invitations()
        return [] if invitations is None else [dict(value) for value in invitations.values()]

    def withdraw(self, userid: str) -> bool:
        """Forget the invitation of ``userid``; whether there was one."""
        invitations = self._invitations()
        if invitations is None or userid not in invitations:
            return False
        del invitations[userid]
        index.uninvite(self.place, userid)
        return True


ROSTERS = ((ITwinSpace, Roster), (IGroup, GroupRoster))


def roster_of(place) -> RosterBase:
    """The roster of a TwinSpace or a Group."""
    for interface, factory in ROSTERS:
        if interface.providedBy(place):
            return factory(place)
    raise TypeError(f"{place!r} has no roster")


def _places(uids) -> list:
    """The places of these UIDs, whoever asks (for clean-up, never shown)."""
    catalog = api.portal.get_tool("portal_catalog")
    return (
        [brain._unrestrictedGetObject() for brain in catalog.unrestrictedSearchResults(UID=list(uids))]
        if uids
        else []
    )


def places_of(userid: str) -> list:
    """Every space and group ``userid`` is in, whoever asks (for clean-up, never shown)."""
    return _places(index.place_uids(userid))


def forget_member(userid: str) -> None:
    """Take a deleted account out of every roster (and its invitations), so a new
    account of the same id does not inherit its roles."""
    for place in places_of(userid):
        roster_of(place).remove(userid)
    for group in _places(index.invited_uids(userid)):
        GroupRoster(group).withdraw(userid)
