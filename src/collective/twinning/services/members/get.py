from collective.twinning.membership.members import list_members
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import SubPathService


class MembersGet(SubPathService):
    def reply(self):
        self.subpath(required=False)
        return list_members(self.context, current_userid())
