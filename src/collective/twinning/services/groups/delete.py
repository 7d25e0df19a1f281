from collective.twinning.directory.profiles import group_member_ids
from collective.twinning.directory.profiles import sync_profiles
from collective.twinning.services.groups.path import group_id_of
from plone.restapi.services.groups.delete import GroupsDelete as BaseGroupsDelete


class GroupsDelete(BaseGroupsDelete):
    """plone.restapi's @groups DELETE, which then syncs the teacher profiles of the
    deleted group's members (they lose the roles it gave them)."""

    def reply(self):
        group_id = group_id_of(self.params)
        members = group_member_ids(group_id) if self._get_group(group_id) else set()
        result = super().reply()
        if self.request.response.getStatus() < 400:
            sync_profiles(members)
        return result
