from collective.twinning.search.engine import run
from collective.twinning.search.specs import POSTINGS
from plone.restapi.services import Service


class PartnerSearchGet(Service):
    def reply(self):
        return run(POSTINGS, self.request)
