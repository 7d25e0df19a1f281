"""SchoolLabelApplication: a school's application for the eTwinning School label, inside a call.

Filed by one of the school's teachers (whose profile names the organisation) with
the five mission statements and the head of school's declaration of honour;
``recognition.applications`` holds the rules, the invariant raises them (400).
"""

from collective.twinning import _
from collective.twinning.content.quality_label import current_user_id
from collective.twinning.content.validation import field_value
from plone.app.vocabularies.catalog import CatalogSource
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


STATEMENTS = ("shared_leadership", "collaboration", "pupil_agency", "inclusion", "innovation")
STATEMENT_MIN_LENGTH = 150
STATEMENT_MAX_LENGTH = 2000


class DeclarationNotConfirmed(schema.ValidationError):
    __doc__ = _("declaration_confirmed must be true: the head of school's declaration of honour.")


def is_confirmed(value) -> bool:
    if value is not True:
        raise DeclarationNotConfirmed(value)
    return True


def statement(title):
    return schema.Text(
        title=title,
        description=_("Between 150 and 2000 characters."),
        min_length=STATEMENT_MIN_LENGTH,
        max_length=STATEMENT_MAX_LENGTH,
        required=True,
    )


class ISchoolLabelApplication(model.Schema):
    """The school, the teacher who files it, the mission statements, the declaration."""

    organisation = RelationChoice(
        title=_("School"),
        source=CatalogSource(portal_type="Organisation"),
        required=True,
    )
    applicant = schema.TextLine(
        title=_("Applicant"),
        description=_("User id of the teacher of the school who applies."),
        defaultFactory=current_user_id,
        required=True,
    )
    shared_leadership = statement(_("Shared leadership"))
    collaboration = statement(_("Collaboration"))
    pupil_agency = statement(_("Pupil agency"))
    inclusion = statement(_("Inclusion"))
    innovation = statement(_("Innovation"))
    declaration_confirmed = schema.Bool(
        title=_("The head of school confirms this application on their honour"),
        constraint=is_confirmed,
        required=True,
    )
    # The organisation's country when the application was made (recognition.events).
    country = schema.TextLine(title=_("Country"), readonly=True, required=False)

    @invariant
    def acceptable(data):
        from collective.twinning.recognition.applications import application_problems

        context = getattr(data, "__context__", None)
        values = {name: field_value(data, name) for name in ("organisation", "applicant")}
        existing = context if ISchoolLabelApplication.providedBy(context) else None
        problems = application_problems(values, context, existing)
        if problems:
            raise Invalid(problems[0])


@implementer(ISchoolLabelApplication)
class SchoolLabelApplication(Item):
    """An application, titled after its school."""

    @property
    def title(self) -> str:
        relation = getattr(self, "organisation", None)
        school = relation.to_object if relation is not None and not relation.isBroken() else None
        return school.title if school is not None else ""

    @title.setter
    def title(self, value) -> None:
        """The title follows the school."""
