from collective.twinning.concurrency import one_writer
from collective.twinning.membership.groups import invite
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class InvitationsPost(Service):
    def reply(self):
        data = json_object(self.request)
        one_writer(self.context)
        invitation = invite(self.context, data.get("user"), current_userid())
        self.request.response.setStatus(201)
        return invitation
