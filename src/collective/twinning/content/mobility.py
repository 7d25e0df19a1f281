"""Mobility: an Erasmus+ mobility carried by a TwinSpace."""

from collective.twinning import _
from collective.twinning.content.fields import COUNTRIES
from collective.twinning.content.fields import date_field
from collective.twinning.content.twinspace import space_of
from collective.twinning.content.validation import check_order
from collective.twinning.content.validation import field_value
from collective.twinning.mobilities.rules import mobility_problems
from plone import api
from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory


RULE_FIELDS = (
    "key_action",
    "activity_type",
    "direction",
    "host_country",
    "sending_country",
    "start",
    "end",
    "participants_staff",
    "participants_pupils",
    "accompanying_persons",
    "learning_agreement",
    "preparation_pages",
)


@provider(IContextAwareDefaultFactory)
def current_user_country(context) -> str | None:
    """The country of whoever records the mobility (usually the sending school's teacher)."""
    user = api.user.get_current()
    country = user.getProperty("country", None) if user is not None else None
    return country or None


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
    receiving_organisation = schema.TextLine(title=_("Receiving organisation"), required=True)
    host_country = schema.Choice(title=_("Host country"), vocabulary=COUNTRIES, required=True)
    sending_country = schema.Choice(
        title=_("Sending country"),
        description=_("Country of the sending organisation; by default, yours."),
        vocabulary=COUNTRIES,
        defaultFactory=current_user_country,
        required=False,
    )
    start = date_field(_("Start date"), required=True)
    end = date_field(_("End date"), required=True)
    participants_staff = schema.Int(title=_("Staff participants"), min=0, default=0)
    participants_pupils = schema.Int(title=_("Pupil participants"), min=0, default=0)
    accompanying_persons = schema.Int(title=_("Accompanying persons"), min=0, default=0)
    learning_agreement = NamedBlobFile(
        title=_("Learning agreement"),
        description=_("Required for long-term learning mobility of pupils."),
        required=False,
    )
    preparation_pages = RelationList(
        title=_("Preparation pages"),
        description=_("Pages of this TwinSpace where pupils prepare the exchange."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        default=[],
        missing_value=[],
        required=False,
    )
    report = RichText(title=_("Report"), required=False)

    @invariant
    def dates_in_order(data):
        check_order(data, "start", "end")

    @invariant
    def erasmus_rules(data):
        values = {name: field_value(data, name) for name in RULE_FIELDS}
        problems = mobility_problems(values, space_of(getattr(data, "__context__", None)))
        if problems:
            raise Invalid(" ".join(problems))


@implementer(IMobility)
class Mobility(Item):
    """A mobility."""
