"""``GET /@notifications`` (unread first) and ``POST /@notifications/read`` (all, or ``{"ids": [...]}``)."""

from collective.twinning import _
from collective.twinning.collaboration import notifications
from collective.twinning.errors import FieldError
from collective.twinning.services.base import current_userid
from collective.twinning.services.base import json_object
from collective.twinning.services.base import SubPathService
from collective.twinning.services.base import unknown_path
from collective.twinning.services.batching import batch_parameters
from zope.i18n import translate


MAX_BATCH = 100
MAX_IDS = 500


class NotificationsGet(SubPathService):
    def reply(self):
        if self.params:
            raise unknown_path(self.params)
        b_start, b_size = batch_parameters(self.request, MAX_BATCH)
        result = notifications.listing(current_userid(), b_start, b_size)
        for item in result["items"]:
            item["title"] = translate(item["title"], context=self.request)
        return {"@id": f"{self.context.absolute_url()}/@notifications", **result}


class NotificationsPost(SubPathService):
    def reply(self):
        if self.params != ["read"]:
            raise unknown_path(self.params)
        data = json_object(self.request)
        ids = data.get("ids")
        if ids is not None and (
            not isinstance(ids, list) or len(ids) > MAX_IDS or not all(isinstance(i, str) for i in ids)
        ):
            raise FieldError(
                "ids", _("ids must be a list of notification ids (at most ${max}).", mapping={"max": MAX_IDS})
            )
        return {"unread": notifications.mark_read(current_userid(), ids)}
