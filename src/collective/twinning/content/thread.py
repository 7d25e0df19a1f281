"""Thread: a discussion of a Forum; members reply (plone.app.discussion) while it is not locked."""

from collective.twinning import _
from collective.twinning.collaboration.places import is_open
from collective.twinning.collaboration.places import place_of
from ComputedAttribute import ComputedAttribute
from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IThread(model.Schema):
    """The opening text and whether replies are closed."""

    text = RichText(title=_("Text"), required=True)
    locked = schema.Bool(title=_("Locked"), description=_("No more replies."), default=False, required=False)


@implementer(IThread)
class Thread(Item):
    """A thread."""

    def _discussion_allowed(self) -> bool:
        """Replies while the place is open and the thread is not locked."""
        return not getattr(self, "locked", False) and is_open(place_of(self))

    # Level 1: computed on the acquisition wrapper, which knows the place.
    allow_discussion = ComputedAttribute(_discussion_allowed, 1)
