"""Meeting: an online meeting of a TwinSpace or Group (plone.app.event's start, end, recurrence).

Its room name is made when it is created (collaboration.meetings), is never a
field and is never shown: only ``@join`` hands out the room's address.
"""

from collective.twinning import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


INVITEES = SimpleVocabulary(
    [
        SimpleTerm("members", title=_("Every member")),
        SimpleTerm("teachers", title=_("The teachers")),
    ]
)


class IMeeting(model.Schema):
    """Who is invited; title, description, dates and recurrence come from behaviors."""

    invitees = schema.Choice(title=_("Invited"), vocabulary=INVITEES, default="members", required=True)


@implementer(IMeeting)
class Meeting(Item):
    """A meeting."""

    room = None  # set once, when added (collaboration.meetings.give_room)
