from collective.twinning.concurrency import one_writer
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.pupils import create_pupils
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class PupilsPost(Service):
    """One pupil (``username``, ``fullname``, ``password``) or many (``{"pupils": [...]}``)."""

    def reply(self):
        one_writer(self.context)
        data = json_object(self.request)
        result = (
            create_pupils(self.context, data["pupils"])
            if "pupils" in data
            else create_pupil(self.context, data)
        )
        self.request.response.setStatus(201)
        return result
