"""Forum: the threads of a TwinSpace or a Group (created by its admins)."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IForum(model.Schema):
    """Title and description (plone.basic); holds Threads."""


@implementer(IForum)
class Forum(Container):
    """A forum."""
