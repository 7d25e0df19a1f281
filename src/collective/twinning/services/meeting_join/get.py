from collective.twinning.collaboration.meetings import join
from collective.twinning.services.base import current_userid
from plone.restapi.services import Service


class MeetingJoinGet(Service):
    def reply(self):
        return join(self.context, current_userid())
