from collective.twinning.concurrency import one_writer
from collective.twinning.membership.groups import withdraw_invitation
from collective.twinning.services.base import SubPathService


class InvitationsDelete(SubPathService):
    def reply(self):
        one_writer(self.context)
        withdraw_invitation(self.context, self.subpath(required=True))
        return self.reply_no_content()
