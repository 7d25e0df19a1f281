from collective.twinning.concurrency import one_writer
from collective.twinning.membership.members import change_role
from collective.twinning.services.base import json_object
from collective.twinning.services.base import SubPathService


class MembersPatch(SubPathService):
    def reply(self):
        userid = self.subpath(required=True)
        one_writer(self.context)
        return change_role(self.context, userid, json_object(self.request).get("role"))
