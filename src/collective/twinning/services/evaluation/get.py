from collective.twinning.labels.evaluation import describe
from plone.restapi.services import Service


class EvaluationGet(Service):
    def reply(self):
        return describe(self.context)
