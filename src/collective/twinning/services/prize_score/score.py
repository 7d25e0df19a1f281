"""``GET/POST <entry>/@score``: the jury member's own scores of a nominated project."""

from collective.twinning.concurrency import one_writer
from collective.twinning.recognition.prizes import score
from collective.twinning.recognition.prizes import scores_of
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from plone.restapi.services import Service


class ScoreGet(Service):
    def reply(self):
        return scores_of(self.context, current_userid())


class ScorePost(Service):
    def reply(self):
        data = json_object(self.request)
        one_writer(self.context)
        return score(self.context, current_userid(), data)
