from collective.twinning.directory.profiles import group_member_ids
from collective.twinning.directory.profiles import sync_profiles
from collective.twinning.services.base import json_object
from collective.twinning.services.groups.body import check_group_change
from collective.twinning.services.groups.path import group_id_of
from plone.restapi.services.groups.update import GroupsPatch as BaseGroupsPatch


# What changes the roles the group's members hold through it.
ROLE_CHANGES = ("roles", "groups")


class GroupsPatch(BaseGroupsPatch):
    """plone.restapi's @groups PATCH, with its body checked (body.py), which then syncs
    the teacher profiles of the group's members when its roles or its own groups were
    given."""

    def reply(self):
        group_id = group_id_of(self.params)
        data = json_object(self.request)  # plone.restapi answers 500 to a body that is no object
        check_group_change(data)
        result = super().reply()
        if self.request.response.getStatus() < 400 and any(k in data for k in ROLE_CHANGES):
            sync_profiles(group_member_ids(group_id))
        return result
