"""QualityLabel: a teacher's application for a national or European Quality Label."""

from collective.twinning import _
from collective.twinning.content.fields import COUNTRIES
from collective.twinning.content.twinspace import space_of
from collective.twinning.content.validation import field_value
from collective.twinning.content.validation import is_school_year
from collective.twinning.labels.eligibility import eligibility_problems
from datetime import date
from plone import api
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory


CRITERIA = (
    "pedagogical_approaches",
    "curricular_integration",
    "collaboration",
    "use_of_technology",
    "results_documentation",
)
CRITERION_MIN_LENGTH = 150
CRITERION_MAX_LENGTH = 2000


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


def criterion_field(title):
    return schema.Text(
        title=title,
        description=_("Between 150 and 2000 characters."),
        min_length=CRITERION_MIN_LENGTH,
        max_length=CRITERION_MAX_LENGTH,
        required=True,
    )


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
    pedagogical_approaches = criterion_field(_("Pedagogical innovation"))
    curricular_integration = criterion_field(_("Curricular integration"))
    collaboration = criterion_field(_("Collaboration between partner schools"))
    use_of_technology = criterion_field(_("Creative use of technology"))
    results_documentation = criterion_field(_("Results, impact and documentation"))

    # The applicant's country when they applied (subscribers.quality_label).
    applicant_country = schema.Choice(
        title=_("Applicant's country"),
        vocabulary=COUNTRIES,
        readonly=True,
        required=False,
    )

    @invariant
    def eligible(data):
        context = getattr(data, "__context__", None)
        values = {name: field_value(data, name) for name in ("applicant", "level", "school_year")}
        label = context if IQualityLabel.providedBy(context) else None
        problems = eligibility_problems(values, space_of(context), label=label)
        if problems:
            raise Invalid(" ".join(problems))


@implementer(IQualityLabel)
class QualityLabel(Item):
    """A Quality Label application."""
