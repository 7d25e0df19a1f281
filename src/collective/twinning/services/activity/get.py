from collective.twinning.collaboration.activity import activity
from collective.twinning.collaboration.activity import MAX_BATCH
from collective.twinning.services.base import current_userid
from collective.twinning.services.batching import batch_parameters
from plone.restapi.services import Service


class ActivityGet(Service):
    def reply(self):
        b_start, b_size = batch_parameters(self.request, MAX_BATCH)
        result = activity(self.context, current_userid(), b_start, b_size)
        return {"@id": f"{self.context.absolute_url()}/@activity", **result}
