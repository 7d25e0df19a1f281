from collective.twinning.concurrency import one_writer
from collective.twinning.membership.pupils import delete_pupil
from collective.twinning.services.base import SubPathService


class PupilsDelete(SubPathService):
    def reply(self):
        one_writer(self.context)
        delete_pupil(self.context, self.subpath(required=True))
        return self.reply_no_content()
