from collective.twinning.search.engine import run
from collective.twinning.search.specs import ORGANISATIONS
from plone.restapi.services import Service


class OrganisationSearchGet(Service):
    def reply(self):
        return run(ORGANISATIONS, self.request)
