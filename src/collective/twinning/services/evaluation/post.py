from collective.twinning.concurrency import one_writer
from collective.twinning.labels.evaluation import evaluate
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class EvaluationPost(Service):
    def reply(self):
        data = json_object(self.request)
        one_writer(self.context)
        return evaluate(self.context, current_userid(), data)
