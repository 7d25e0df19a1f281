"""``GET/POST/DELETE <event>/@register``: my seat or place in the waiting list."""

from collective.twinning.concurrency import one_writer
from collective.twinning.learning.registrations import register
from collective.twinning.learning.registrations import status_of
from collective.twinning.learning.registrations import unregister
from collective.twinning.services.base import allow_write
from collective.twinning.services.base import current_userid
from plone import api
from plone.restapi.services import Service
from zExceptions import Unauthorized


def _userid() -> str:
    if api.user.is_anonymous():
        raise Unauthorized("Log in to register.")
    return current_userid()


class RegisterGet(Service):
    def reply(self):
        return status_of(self.context, _userid())


class RegisterPost(Service):
    def reply(self):
        allow_write(self.request)
        userid = _userid()
        one_writer(self.context)
        status, new = register(self.context, userid)
        self.request.response.setStatus(201 if new else 200)
        return status


class RegisterDelete(Service):
    def reply(self):
        allow_write(self.request)
        userid = _userid()
        one_writer(self.context)
        return unregister(self.context, userid)
