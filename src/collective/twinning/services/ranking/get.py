"""``GET <round>/@ranking``: per category, the entries by mean score (ties share a rank)."""

from collective.twinning.recognition.prizes import ranking
from plone import api
from plone.restapi.services import Service


class RankingGet(Service):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@ranking",
            "state": api.content.get_state(obj=self.context),
            "categories": ranking(self.context),
        }
