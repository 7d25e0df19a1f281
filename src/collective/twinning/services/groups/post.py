from collective.twinning.services.base import json_object
from collective.twinning.services.groups.body import check_new_group
from plone.restapi.services.groups.add import GroupsPost as BaseGroupsPost


class GroupsPost(BaseGroupsPost):
    """plone.restapi's @groups POST, with its body checked (body.py). Its members are added
    one by one after the group has its roles: PAS's events sync their profiles."""

    def reply(self):
        check_new_group(json_object(self.request))
        return super().reply()
