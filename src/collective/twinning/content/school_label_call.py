"""SchoolLabelCall: the yearly call for the eTwinning School label, in /recognition.

Made by a national validator for their country, or by the European service for one
country or for all (no country). It sets the school year, when schools may apply and
the window in which a National Quality Label counts for eligibility.
"""

from collective.twinning import _
from collective.twinning.content.fields import COUNTRIES
from collective.twinning.content.fields import date_field
from collective.twinning.content.quality_label import current_school_year
from collective.twinning.content.validation import check_order
from collective.twinning.content.validation import field_value
from collective.twinning.content.validation import is_school_year
from collective.twinning.recognition.organisers import organiser_country_problem
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class ISchoolLabelCall(model.Schema):
    """School year, country, application dates and the NQL window."""

    school_year = schema.TextLine(
        title=_("School year"),
        constraint=is_school_year,
        defaultFactory=current_school_year,
        required=True,
    )
    country = schema.Choice(
        title=_("Country"),
        description=_("Leave empty for a call of every country (European service only)."),
        vocabulary=COUNTRIES,
        required=False,
    )
    opens = date_field(_("Applications open on"), required=True)
    closes = date_field(_("Applications close on"), required=True)
    nql_from = date_field(_("National Quality Labels awarded from"), required=True)
    nql_to = date_field(_("National Quality Labels awarded until"), required=True)

    @invariant
    def dates_in_order(data):
        check_order(data, "opens", "closes")
        check_order(data, "nql_from", "nql_to")

    @invariant
    def organiser_country(data):
        problem = organiser_country_problem(field_value(data, "country"))
        if problem is not None:
            raise Invalid(problem)


@implementer(ISchoolLabelCall)
class SchoolLabelCall(Container):
    """A call; the schools' applications live inside it."""
