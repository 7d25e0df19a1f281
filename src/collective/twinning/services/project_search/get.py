from collective.twinning.search.engine import run
from collective.twinning.search.specs import PROJECTS
from plone.restapi.services import Service


class ProjectSearchGet(Service):
    def reply(self):
        return run(PROJECTS, self.request)
