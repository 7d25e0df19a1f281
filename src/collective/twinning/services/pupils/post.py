from collective.twinning.membership.pupils import create_pupil
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class PupilsPost(Service):
    def reply(self):
        pupil = create_pupil(self.context, json_object(self.request))
        self.request.response.setStatus(201)
        return pupil
