"""The Users and Groups control panels, which then sync the teacher profiles.

Both grant roles through PAS's role manager, which sends no event
(directory.profiles): the accounts whose roles the form may have changed are synced
after Plone's own handling, in the same transaction.
"""

from collective.twinning.directory.profiles import group_member_ids
from collective.twinning.directory.profiles import sync_profiles
from plone import api
from Products.CMFPlone.controlpanel.browser import usergroups_groupsoverview
from Products.CMFPlone.controlpanel.browser import usergroups_usersoverview
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import os


def _stock_template(module, name: str) -> ViewPageTemplateFile:
    return ViewPageTemplateFile(name, _prefix=os.path.dirname(module.__file__))


class UsersOverview(usergroups_usersoverview.UsersOverviewControlPanel):
    """@@usergroup-userprefs: each listed account's roles may have changed."""

    index = _stock_template(usergroups_usersoverview, "usergroups_usersoverview.pt")

    def manageUser(self, users=None, resetpassword=None, delete=None):
        users, delete = users or [], delete or []
        super().manageUser(users, resetpassword or [], delete)
        # Deleted accounts lose their profile through PAS's PrincipalDeleted event.
        sync_profiles(user.id for user in users if user.id not in delete)


class GroupsOverview(usergroups_groupsoverview.GroupsOverviewControlPanel):
    """@@usergroup-groupprefs: the members of the groups whose roles the form changed, and
    of the deleted groups. Every listed group is in the form, so the others are left alone
    (a group of thousands would cost seconds of syncing on each "Apply")."""

    index = _stock_template(usergroups_groupsoverview, "usergroups_groupsoverview.pt")

    def manageGroup(self, groups=None, delete=None):
        groups, delete = groups or [], delete or []
        roles_before = {group_id: _roles_of(group_id) for group_id in groups}
        members = set()
        for group_id in delete:  # before deletion: afterwards they are gone
            members |= group_member_ids(group_id)
        super().manageGroup(groups, delete)
        for group_id, roles in roles_before.items():
            if group_id not in delete and _roles_of(group_id) != roles:
                members |= group_member_ids(group_id)
        sync_profiles(members)


def _roles_of(group_id: str) -> set[str] | None:
    group = api.group.get(groupname=group_id)
    return None if group is None else set(group.getRoles())
