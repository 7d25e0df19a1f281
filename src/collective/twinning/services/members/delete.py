from collective.twinning.concurrency import one_writer
from collective.twinning.membership.members import remove_member
from collective.twinning.services.base import SubPathService


class MembersDelete(SubPathService):
    def reply(self):
        one_writer(self.context)
        remove_member(self.context, self.subpath(required=True))
        return self.reply_no_content()
