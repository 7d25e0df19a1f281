from collective.twinning.concurrency import one_writer
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class PupilsPost(Service):
    def reply(self):
        one_writer(self.context)
        pupil = create_pupil(self.context, json_object(self.request))
        self.request.response.setStatus(201)
        return pupil
