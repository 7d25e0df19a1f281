from collective.twinning.membership.groups import list_invitations
from collective.twinning.services.base import SubPathService


class InvitationsGet(SubPathService):
    def reply(self):
        self.subpath(required=False)
        return list_invitations(self.context)
