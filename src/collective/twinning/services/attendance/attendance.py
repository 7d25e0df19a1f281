"""``GET/POST <event>/@attendance``: who registered and waits; mark who completed."""

from collective.twinning.concurrency import one_writer
from collective.twinning.learning.attendance import attendance
from collective.twinning.learning.attendance import mark
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class AttendanceGet(Service):
    def reply(self):
        return attendance(self.context)


class AttendancePost(Service):
    def reply(self):
        data = json_object(self.request)
        one_writer(self.context)
        return mark(self.context, data)
