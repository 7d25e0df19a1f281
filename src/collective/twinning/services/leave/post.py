from collective.twinning.concurrency import one_writer
from collective.twinning.membership.groups import leave
from collective.twinning.services.base import allow_write
from collective.twinning.services.base import current_userid
from plone.restapi.services import Service


class LeavePost(Service):
    """``POST <group>/@leave``: 204; the creator (always its admin) cannot leave."""

    def reply(self):
        allow_write(self.request)
        one_writer(self.context)
        leave(self.context, current_userid())
        return self.reply_no_content()
