from collective.twinning.concurrency import one_writer
from collective.twinning.membership.groups import join
from collective.twinning.services.base import allow_write
from collective.twinning.services.base import current_userid
from plone.restapi.services import Service


class JoinPost(Service):
    """``POST <group>/@join``: 201 with the new membership, 200 with the one held."""

    def reply(self):
        allow_write(self.request)
        one_writer(self.context)
        membership, new = join(self.context, current_userid())
        self.request.response.setStatus(201 if new else 200)
        return membership
