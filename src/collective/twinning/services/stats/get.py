from collective.twinning.reports.stats import statistics
from collective.twinning.services.base import current_userid
from plone.restapi.services import Service


class StatsGet(Service):
    def reply(self):
        return statistics(current_userid())
