from collective.twinning.services.base import current_userid
from collective.twinning.teachers.requests import countries_of_validator
from collective.twinning.teachers.requests import pending_for
from plone.restapi.services import Service


class TeacherRequestsGet(Service):
    def reply(self):
        items = pending_for(countries_of_validator(current_userid()))
        return {"items": items, "items_total": len(items)}
