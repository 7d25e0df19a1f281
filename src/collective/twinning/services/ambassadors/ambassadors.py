"""``GET/POST /@ambassadors``, ``DELETE /@ambassadors/<userid>``: the ambassadors of the validator's country."""

from collective.twinning.recognition.ambassadors import ambassadors
from collective.twinning.recognition.ambassadors import grant
from collective.twinning.recognition.ambassadors import revoke
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from collective.twinning.services.base import SubPathService
from collective.twinning.services.base import unknown_path


class AmbassadorsGet(SubPathService):
    def reply(self):
        if self.params:
            raise unknown_path(self.params)
        items = ambassadors(current_userid())
        return {"items": items, "items_total": len(items)}


class AmbassadorsPost(SubPathService):
    def reply(self):
        if self.params:
            raise unknown_path(self.params)
        data = json_object(self.request)
        result = grant(data.get("user"), current_userid())
        self.request.response.setStatus(201)
        return result


class AmbassadorsDelete(SubPathService):
    def reply(self):
        revoke(self.subpath(required=True), current_userid())
        return self.reply_no_content()
