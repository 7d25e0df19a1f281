"""The add-on's PAS plugin: who is in the group principals of places and of validators.

- ``twinspace:<uid>:<Role>`` / ``group:<uid>:<Role>``: the members of a place holding
  that role, read from one BTree of (userid, place UID) → group id that the rosters
  keep (``membership.index``). The place grants each of its groups its local role
  once, so joining or leaving never changes the catalog.
- ``validators:<CC>``: users holding the global role NationalValidator (directly or
  through a group, asked of PAS's role plugins) whose member property ``country`` is CC.
"""

from AccessControl.class_init import InitializeClass
from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from collective.twinning.membership.principals import country_of_validators_group
from collective.twinning.membership.principals import parse_place_group
from collective.twinning.membership.principals import validators_group_id
from collective.twinning.membership.roles import NATIONAL_VALIDATOR
from plone.app.uuid.utils import uuidToCatalogBrain
from Products.PlonePAS.interfaces.group import IGroupIntrospection
from Products.PlonePAS.plugins.autogroup import VirtualGroup
from Products.PluggableAuthService.interfaces.plugins import IGroupEnumerationPlugin
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from Products.PluggableAuthService.interfaces.plugins import IRolesPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.interface import implementer

import threading


PLUGIN_ID = "twinning_groups"
LAST = "\U0010ffff"
_asking_roles = threading.local()


@implementer(IGroupsPlugin, IGroupEnumerationPlugin, IGroupIntrospection)
class TwinningGroups(BasePlugin):
    meta_type = "collective.twinning groups"

    def __init__(self, id=PLUGIN_ID, title="Places and validators of collective.twinning"):  # noqa: A002 - PAS naming
        self._setId(id)
        self.title = title
        self.by_user = OOBTree()  # (userid, place UID) -> group id
        self.by_place = OOBTree()  # (place UID, userid) -> role
        self.invited = OOBTree()  # (userid, group UID) -> True

    # IGroupsPlugin

    def getGroupsForPrincipal(self, principal, request=None):
        if getattr(aq_base(principal), "_isGroup", False):
            return ()
        userid = principal.getId()
        groups = list(self.by_user.values(min=(userid, ""), max=(userid, LAST)))
        country = self._validated_country(principal, request)
        if country:
            groups.append(validators_group_id(country))
        return tuple(groups)

    def _validated_country(self, principal, request) -> str | None:
        """The country a national validator validates for (None for anyone else)."""
        getter = getattr(principal, "getProperty", None)
        country = getter("country", None) if getter is not None else None
        if not country or getattr(_asking_roles, "busy", False):
            return None
        # The role plugins ask every groups plugin again (roles through groups): not us.
        _asking_roles.busy = True
        try:
            plugins = self._getPAS()["plugins"]
            for _id, rolemaker in plugins.listPlugins(IRolesPlugin):
                if NATIONAL_VALIDATOR in (rolemaker.getRolesForPrincipal(principal, request) or ()):
                    return country
        finally:
            _asking_roles.busy = False
        return None

    # IGroupEnumerationPlugin: only exact ids, so the groups can be looked up, never listed.

    def enumerateGroups(self, id=None, exact_match=False, sort_by=None, max_results=None, **kw):  # noqa: A002 - PAS calls it with id=
        if not exact_match or not isinstance(id, str) or not self._exists(id):
            return ()
        return ({"id": id, "pluginid": self.getId()},)

    # IGroupIntrospection: looked up by id (sharing page, api.group), never listed.

    def getGroupById(self, group_id):
        if not isinstance(group_id, str) or not self._exists(group_id):
            return None
        return VirtualGroup(group_id, title=self._title(group_id))

    def _title(self, group_id: str) -> str:
        """What the sharing page and the groups panels show: the place's title when the viewer sees it."""
        country = country_of_validators_group(group_id)
        if country:
            return f"National validators {country}"
        _prefix, uid, role = parse_place_group(group_id)
        brain = uuidToCatalogBrain(uid)
        return f"{brain.Title if brain is not None else uid}: {role}"

    def getGroups(self):
        return []

    def getGroupIds(self):
        return []

    def getGroupMembers(self, group_id):
        country = country_of_validators_group(group_id)
        if country:
            # Imported here: lifecycle.countries reads the directory, which reads the rosters.
            from collective.twinning.lifecycle.countries import national_validators

            return tuple(national_validators(country))
        parsed = parse_place_group(group_id)
        if parsed is None:
            return ()
        _prefix, uid, role = parsed
        return tuple(
            key[1] for key, held in self.by_place.items(min=(uid, ""), max=(uid, LAST)) if held == role
        )

    def _exists(self, group_id: str) -> bool:
        if country_of_validators_group(group_id):
            return True
        parsed = parse_place_group(group_id)
        if parsed is None:
            return False
        uid = parsed[1]
        return any(True for _ in self.by_place.keys(min=(uid, ""), max=(uid, LAST)))


InitializeClass(TwinningGroups)
