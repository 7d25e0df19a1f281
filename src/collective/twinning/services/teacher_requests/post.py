from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from collective.twinning.services.base import SubPathService
from collective.twinning.teachers.requests import decide


class TeacherRequestsPost(SubPathService):
    def reply(self):
        userid = self.subpath(required=True)
        data = json_object(self.request)
        return decide(userid, current_userid(), data.get("decision"), data.get("comment"))
