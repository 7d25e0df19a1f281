from collective.twinning.membership.groups import withdraw_invitation
from collective.twinning.services.base import SubPathService


class InvitationsDelete(SubPathService):
    def reply(self):
        withdraw_invitation(self.context, self.subpath(required=True))
        return self.reply_no_content()
