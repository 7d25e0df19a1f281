"""Mobility: an Erasmus+ mobility carried by a TwinSpace."""

from collective.twinning import _
from collective.twinning.content.fields import COUNTRIES
from collective.twinning.content.validation import check_order
from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


class IMobility(model.Schema):
    """Who travels where, when, under which key action."""

    key_action = schema.Choice(
        title=_("Erasmus+ key action"),
        vocabulary="collective.twinning.vocabularies.KeyActions",
        required=True,
    )
    activity_type = schema.Choice(
        title=_("Activity"),
        vocabulary="collective.twinning.vocabularies.ActivityTypes",
        required=True,
    )
    direction = schema.Choice(
        title=_("Direction"),
        vocabulary="collective.twinning.vocabularies.MobilityDirections",
        default="outgoing",
        required=True,
    )
    sending_organisation = schema.TextLine(title=_("Sending organisation"), required=True)
    receiving_organisation = schema.TextLine(
        title=_("Receiving organisation"), required=True
    )
    host_country = schema.Choice(title=_("Host country"), vocabulary=COUNTRIES, required=True)
    start = schema.Date(title=_("Start date"), required=True)
    end = schema.Date(title=_("End date"), required=True)
    participants_staff = schema.Int(title=_("Staff participants"), min=0, default=0)
    participants_pupils = schema.Int(title=_("Pupil participants"), min=0, default=0)
    accompanying_persons = schema.Int(title=_("Accompanying persons"), min=0, default=0)
    report = RichText(title=_("Report"), required=False)

    @invariant
    def dates_in_order(data):
        check_order(data, "start", "end")


@implementer(IMobility)
class Mobility(Item):
    """A mobility."""
