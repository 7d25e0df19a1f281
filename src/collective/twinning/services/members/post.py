from collective.twinning.concurrency import one_writer
from collective.twinning.membership.members import add_member
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class MembersPost(Service):
    def reply(self):
        data = json_object(self.request)
        one_writer(self.context)
        member = add_member(self.context, data.get("user"), data.get("role"))
        self.request.response.setStatus(201)
        return member
