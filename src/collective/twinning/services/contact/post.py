from collective.twinning.directory.contact import contact
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class ContactPost(Service):
    def reply(self):
        return contact(self.context, current_userid(), json_object(self.request))
