from collective.twinning.collaboration import polls
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class PollGet(Service):
    def reply(self):
        return polls.state(self.context, current_userid())


class PollPost(Service):
    def reply(self):
        data = json_object(self.request)
        return polls.answer(self.context, current_userid(), data.get("option"))
