"""LearningEvent: a learning event, online seminar, MOOC or on-site course of a support service.

plone.app.event's behaviours give its dates and place; registrations, the waiting
list, attendance and certificates are kept by ``learning`` (BTrees, not fields).
"""

from collective.twinning import _
from collective.twinning.content.fields import COUNTRIES
from collective.twinning.content.fields import date_field
from collective.twinning.content.fields import LANGUAGES
from collective.twinning.content.validation import check_order
from collective.twinning.content.validation import field_value
from collective.twinning.recognition.organisers import organiser_country_problem
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


KINDS = SimpleVocabulary(
    [
        SimpleTerm("learning_event", title=_("Learning event")),
        SimpleTerm("online_seminar", title=_("Online seminar")),
        SimpleTerm("mooc", title=_("MOOC")),
        SimpleTerm("onsite", title=_("On-site event")),
    ]
)
MAX_CAPACITY = 10000
MAX_HOURS = 500


class ILearningEvent(model.Schema):
    """Kind, seats, hours, language and when teachers may register."""

    kind = schema.Choice(title=_("Kind"), vocabulary=KINDS, default="learning_event", required=True)
    capacity = schema.Int(title=_("Seats"), min=1, max=MAX_CAPACITY, required=True)
    hours = schema.Int(
        title=_("Hours"), description=_("Hours on the certificate."), min=1, max=MAX_HOURS, required=True
    )
    language = schema.Choice(title=_("Language"), vocabulary=LANGUAGES, required=True)
    country = schema.Choice(
        title=_("Country"),
        description=_("The organising national service's country; empty for the European service."),
        vocabulary=COUNTRIES,
        required=False,
    )
    registration_opens = date_field(_("Registration opens on"), required=True)
    registration_closes = date_field(_("Registration closes on"), required=True)

    @invariant
    def registration_in_order(data):
        check_order(data, "registration_opens", "registration_closes")

    @invariant
    def organiser_country(data):
        problem = organiser_country_problem(field_value(data, "country"))
        if problem is not None:
            raise Invalid(problem)


@implementer(ILearningEvent)
class LearningEvent(Item):
    """A learning event."""
