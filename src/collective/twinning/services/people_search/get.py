from collective.twinning.search.engine import run
from collective.twinning.search.specs import PEOPLE
from plone.restapi.services import Service


class PeopleSearchGet(Service):
    def reply(self):
        return run(PEOPLE, self.request)
