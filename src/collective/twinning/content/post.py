"""Post: a message on the bulletin (teachers) or the wall (everyone) of a TwinSpace or Group.

A post has no title of its own: its title is the start of its text. Its channel
is its workflow state (twinning_post_workflow): it is chosen when the post is
written and cannot change afterwards.
"""

from collective.twinning import _
from collective.twinning.collaboration.places import is_open
from collective.twinning.collaboration.places import place_of
from collective.twinning.content.excerpts import excerpt
from collective.twinning.uploads.checks import check_image
from ComputedAttribute import ComputedAttribute
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from z3c.form.interfaces import IEditForm
from zope import schema
from zope.interface import implementer


class IPost(model.Schema):
    """Text (required), an optional image, the channel and whether admins pinned it."""

    text = RichText(title=_("Text"), required=True)
    image = NamedBlobImage(title=_("Image"), constraint=check_image, required=False)
    directives.mode(IEditForm, channel="display")
    channel = schema.Choice(
        title=_("Channel"),
        description=_("The bulletin is read by the teachers of the project only; the wall by every member."),
        vocabulary="collective.twinning.vocabularies.PostChannels",
        default="wall",
        required=True,
    )
    directives.write_permission(pinned="collective.twinning.PinPosts")
    pinned = schema.Bool(
        title=_("Pinned"), description=_("Shown first (admins)."), default=False, required=False
    )


@implementer(IPost)
class Post(Item):
    """A post; its title is the start of its text."""

    @property
    def title(self) -> str:
        return excerpt(getattr(self, "text", None))

    @title.setter
    def title(self, value) -> None:
        """The title follows the text."""

    def _discussion_allowed(self) -> bool:
        """Comments while the space or group is open (plone.app.discussion reads this)."""
        return is_open(place_of(self))

    # Level 1: computed on the acquisition wrapper, which knows the place.
    allow_discussion = ComputedAttribute(_discussion_allowed, 1)
