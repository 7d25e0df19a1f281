"""QualityLabel: a teacher's application for a national or European Quality Label."""

from collective.twinning import _
from collective.twinning.content.validation import is_school_year
from datetime import date
from plone import api
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory


CRITERIA = (
    "pedagogical_approaches",
    "curricular_integration",
    "collaboration",
    "use_of_technology",
    "results_documentation",
)


def school_year_of(day: date) -> str:
    """The school year (September to August) a day falls in, e.g. '2026-2027'."""
    first = day.year if day.month >= 9 else day.year - 1
    return f"{first}-{first + 1}"


def current_school_year() -> str:
    return school_year_of(date.today())


@provider(IContextAwareDefaultFactory)
def current_user_id(context) -> str | None:
    user = api.user.get_current()
    return None if user is None else user.getId()


class IQualityLabel(model.Schema):
    """The application: level, applicant, school year and one text per criterion."""

    level = schema.Choice(
        title=_("Level"),
        vocabulary="collective.twinning.vocabularies.LabelLevels",
        required=True,
    )
    applicant = schema.TextLine(
        title=_("Applicant"),
        description=_("User id of the teacher who applies."),
        defaultFactory=current_user_id,
        required=True,
    )
    school_year = schema.TextLine(
        title=_("School year"),
        constraint=is_school_year,
        defaultFactory=current_school_year,
        required=True,
    )
    pedagogical_approaches = schema.Text(title=_("Pedagogical innovation"), required=True)
    curricular_integration = schema.Text(title=_("Curricular integration"), required=True)
    collaboration = schema.Text(title=_("Collaboration between partner schools"), required=True)
    use_of_technology = schema.Text(title=_("Creative use of technology"), required=True)
    results_documentation = schema.Text(
        title=_("Results, impact and documentation"), required=True
    )


@implementer(IQualityLabel)
class QualityLabel(Item):
    """A Quality Label application."""
