from collective.twinning.lifecycle.checklist import checklist
from plone.restapi.services import Service


class ValidationGet(Service):
    def reply(self):
        return checklist(self.context)
