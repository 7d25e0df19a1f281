"""The roster of a TwinSpace: who holds which local role.

Stored in an OOBTree (with a Length counter) in the space's annotations, so
that people joining at the same time change different buckets and do not
conflict. Founders are not stored: they are always admins (see founders()).
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.membership.roles import LOCAL_ROLES
from collective.twinning.membership.roles import TWINSPACE_ADMIN
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.twinning.roster"


class RosterData(Persistent):
    def __init__(self):
        self.roles = OOBTree()  # userid -> local role
        self.size = Length()


def spaces_of(userid: str) -> list:
    """Every space ``userid`` is a member of, whoever asks (for clean-up, never shown)."""
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(twinspace_members=userid)
    ]


def forget_member(userid: str) -> None:
    """Take a deleted account out of every roster, so a new account of the same id
    does not inherit its roles."""
    for space in spaces_of(userid):
        Roster(space).remove(userid)


def founders(space: ITwinSpace) -> tuple[str, ...]:
    """The creator and the named partner founder, in that order."""
    creators = space.listCreators() if hasattr(space, "listCreators") else ()
    people = [creators[0]] if creators else []
    cofounder = getattr(space, "cofounder", None)
    if cofounder and cofounder not in people:
        people.append(cofounder)
    return tuple(people)


class Roster:
    """Read and change the members of a space (founders included as admins)."""

    def __init__(self, space: ITwinSpace):
        self.space = space

    @property
    def _data(self) -> RosterData | None:
        return IAnnotations(self.space).get(ANNOTATION_KEY)

    def _ensure(self) -> RosterData:
        annotations = IAnnotations(self.space)
        data = annotations.get(ANNOTATION_KEY)
        if data is None:
            data = annotations[ANNOTATION_KEY] = RosterData()
        return data

    def role_of(self, userid: str) -> str | None:
        if userid in founders(self.space):
            return TWINSPACE_ADMIN
        data = self._data
        return None if data is None else data.roles.get(userid)

    def items(self) -> list[tuple[str, str]]:
        """(userid, role) for every member, founders first."""
        result = [(userid, TWINSPACE_ADMIN) for userid in founders(self.space)]
        data = self._data
        if data is not None:
            people = set(dict(result))
            result.extend((u, r) for u, r in data.roles.items() if u not in people)
        return result

    def admins(self) -> list[str]:
        return [userid for userid, role in self.items() if role == TWINSPACE_ADMIN]

    def __contains__(self, userid: str) -> bool:
        return self.role_of(userid) is not None

    def __len__(self) -> int:
        return len(self.items())

    def set(self, userid: str, role: str) -> None:
        if role not in LOCAL_ROLES:
            raise ValueError(role)
        data = self._ensure()
        if userid not in data.roles:
            data.size.change(1)
        data.roles[userid] = role
        self._reindex()

    def remove(self, userid: str) -> None:
        data = self._data
        if data is not None and userid in data.roles:
            del data.roles[userid]
            data.size.change(-1)
            self._reindex()

    def _reindex(self) -> None:
        """The catalog's view of who may see the space (and its content), and who is in it."""
        self.space.reindexObject(idxs=["twinspace_members"])
        self.space.reindexObjectSecurity()
