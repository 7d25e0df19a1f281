"""``GET/POST <application>/@evaluation``: scores per mission statement, comment, award or reject."""

from collective.twinning.concurrency import one_writer
from collective.twinning.recognition.applications import describe
from collective.twinning.recognition.applications import evaluate
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class EvaluationGet(Service):
    def reply(self):
        return describe(self.context)


class EvaluationPost(Service):
    def reply(self):
        data = json_object(self.request)
        one_writer(self.context)
        return evaluate(self.context, current_userid(), data)
