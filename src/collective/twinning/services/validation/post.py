from collective.twinning.concurrency import one_writer
from collective.twinning.lifecycle.checklist import decide
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class ValidationPost(Service):
    def reply(self):
        data = json_object(self.request)
        one_writer(self.context)
        return decide(self.context, current_userid(), data.get("decision"), data.get("comment"))
