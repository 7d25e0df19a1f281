from collective.twinning.membership.pupils import list_pupils
from collective.twinning.services.base import SubPathService


class PupilsGet(SubPathService):
    def reply(self):
        self.subpath(required=False)
        return list_pupils(self.context)
