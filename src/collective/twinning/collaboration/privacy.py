"""People's names as a viewer may see them: the roster's rule for pupils, wherever a name is shown.

As in ``membership.members.list_members``, a pupil viewer sees first names only.
A pupil's whole name is shown only to the adult members of its place and to
administrators (anyone else, say an anonymous visitor of a public post, sees its
first name). Comments store the name their author had (``author_name``):
it passes through here before it is shown.
"""

from collective.twinning.collaboration.places import is_site_admin
from collective.twinning.collaboration.places import place_of
from collective.twinning.collaboration.places import role_in
from collective.twinning.membership.members import first_name
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from plone import api


def is_pupil(place, userid: str | None) -> bool:
    """A pupil of ``place``, or a pupil account anywhere."""
    if not userid:
        return False
    if role_in(place, userid) == TWINSPACE_PUPIL:
        return True
    user = api.user.get(userid=userid)
    return user is not None and is_pupil_account(user)


class NameRule:
    """How ``viewer_id`` sees names in ``place`` (decided once, applied to many names)."""

    def __init__(self, place, viewer_id: str | None):
        self.place = place
        self.viewer_id = viewer_id
        self.viewer_is_pupil = is_pupil(place, viewer_id)
        self.sees_pupils = (
            not self.viewer_is_pupil
            and bool(viewer_id)
            and (role_in(place, viewer_id) is not None or is_site_admin(viewer_id, place))
        )
        self._pupils: dict[str, bool] = {}

    def _author_is_pupil(self, userid: str | None) -> bool:
        if not userid:
            return False
        if userid not in self._pupils:
            self._pupils[userid] = is_pupil(self.place, userid)
        return self._pupils[userid]

    def __call__(self, userid: str | None, fullname: str | None) -> str:
        """The name of ``userid`` (whose stored name is ``fullname``) as the viewer may see it."""
        if not fullname:
            return fullname or ""
        if self.viewer_is_pupil:
            return first_name(fullname)
        if userid != self.viewer_id and not self.sees_pupils and self._author_is_pupil(userid):
            return first_name(fullname)
        return fullname


def name_rule(place, viewer_id: str | None = None) -> NameRule:
    """The rule for ``viewer_id`` (default: the current user)."""
    if viewer_id is None:
        viewer_id = api.user.get_current().getId()
    return NameRule(place, viewer_id)


def comment_author_name(comment, request=None) -> str:
    """The comment's author name as the current user may see it (REST and the Classic UI)."""
    return name_rule(place_of(comment))(comment.author_username, comment.author_name)


def catalogued_author_name(comment) -> str:
    """What the catalog holds, which anyone who may view the comment may read: a pupil's first name."""
    author = comment.author_username
    user = api.user.get(userid=author) if author else None
    if (user is not None and is_pupil_account(user)) or is_pupil(place_of(comment), author):
        return first_name(comment.author_name or "")
    return comment.author_name or ""
