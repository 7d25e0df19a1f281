"""``@likes`` of a Post or Thread: ``{"count", "liked"}`` for members; like and unlike once each."""

from collective.twinning.collaboration import likes
from collective.twinning.collaboration.places import is_member
from collective.twinning.collaboration.places import is_open
from collective.twinning.collaboration.places import place_of
from collective.twinning.services.base import allow_write
from collective.twinning.services.base import current_userid
from plone import api
from plone.restapi.services import Service
from zExceptions import Forbidden


def check_member(context) -> str:
    """The current user's id, when a member of the place (or an administrator)."""
    userid = current_userid()
    if is_member(place_of(context), userid) or api.user.has_permission("Manage portal", obj=context):
        return userid
    raise Forbidden("Only the members of the project or group see and give likes.")


def check_open(context) -> None:
    if not is_open(place_of(context)):
        raise Forbidden("The project or group is not open: nothing can be liked now.")


class LikesGet(Service):
    def reply(self):
        return likes.summary(self.context, check_member(self.context))


class LikesPost(Service):
    def reply(self):
        allow_write(self.request)
        userid = check_member(self.context)
        check_open(self.context)
        likes.like(self.context, userid)
        return likes.summary(self.context, userid)


class LikesDelete(Service):
    def reply(self):
        allow_write(self.request)
        userid = check_member(self.context)
        check_open(self.context)
        likes.unlike(self.context, userid)
        return likes.summary(self.context, userid)
