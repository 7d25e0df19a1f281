"""TwinSpace: the collaborative space of one eTwinning project."""

from Acquisition import aq_chain
from collective.twinning import _
from collective.twinning.content.fields import date_field
from collective.twinning.content.fields import founders_countries_field
from collective.twinning.content.fields import languages_field
from collective.twinning.content.fields import pupil_age_field
from collective.twinning.content.fields import subjects_field
from collective.twinning.content.founders import cofounder_change_problem
from collective.twinning.content.founders import cofounder_of_record
from collective.twinning.content.founders import normalized
from collective.twinning.content.place import Place
from collective.twinning.content.validation import check_order
from collective.twinning.content.validation import field_value
from collective.twinning.content.validation import is_erasmus_reference
from collective.twinning.content.validation import is_teacher
from collective.twinning.interfaces import IHasRoster
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


# Once validated, a project's summary is public (title, description, countries,
# languages, subjects, ages, state); the rest is for its members, validators
# and administrators.
MEMBERS_ONLY_FIELDS = (
    "aims",
    "work_process",
    "expected_results",
    "pupils_count",
    "cofounder",
    "erasmus_key_action",
    "erasmus_project_reference",
    "start",
    "end",
)


class ITwinSpace(model.Schema):
    """A project registered by two or more teachers, with its working space."""

    directives.read_permission(**dict.fromkeys(MEMBERS_ONLY_FIELDS, "collective.twinning.ViewMembers"))

    aims = RichText(title=_("Aims"), required=False)
    work_process = RichText(title=_("Work process"), required=False)
    expected_results = RichText(title=_("Expected results"), required=False)

    languages = languages_field(required=True)
    subjects = subjects_field(required=True)
    age_from = pupil_age_field(_("Pupils aged from"), required=True)
    age_to = pupil_age_field(_("Pupils aged to"), required=True)
    pupils_count = schema.Int(title=_("Number of pupils"), min=0, required=False)

    cofounder = schema.TextLine(
        title=_("Partner founder"),
        description=_("User id of the teacher who founds the project with you."),
        constraint=is_teacher,
        required=False,
    )

    model.fieldset(
        "erasmus",
        label=_("Erasmus+"),
        fields=["erasmus_key_action", "erasmus_project_reference"],
    )
    erasmus_key_action = schema.Choice(
        title=_("Erasmus+ key action"),
        vocabulary="collective.twinning.vocabularies.KeyActions",
        required=False,
    )
    erasmus_project_reference = schema.TextLine(
        title=_("Erasmus+ project reference"),
        description=_("For example 2025-1-ES01-KA122-SCH-000123456."),
        constraint=is_erasmus_reference,
        required=False,
    )

    start = date_field(_("Start date"))
    end = date_field(_("End date"))

    # Set from the founders' member properties (subscribers.twinspace).
    countries = founders_countries_field()

    @invariant
    def ages_in_order(data):
        check_order(data, "age_from", "age_to")

    @invariant
    def dates_in_order(data):
        check_order(data, "start", "end")

    @invariant
    def founders_frozen(data):
        """Only the creator names the partner founder, in draft; administrators always
        (content.founders). On an add form there is no space yet: nothing to change."""
        space = getattr(data, "__context__", None)
        if not ITwinSpace.providedBy(space):
            return
        if normalized(field_value(data, "cofounder")) != cofounder_of_record(space):
            problem = cofounder_change_problem(space)
            if problem is not None:
                raise Invalid(problem)


@implementer(ITwinSpace, IHasRoster)
class TwinSpace(Place):
    """A TwinSpace holds the project's pages, materials, mobilities and labels."""


def space_of(obj):
    """The TwinSpace ``obj`` is in (or is), through its acquisition chain."""
    for item in aq_chain(obj):
        if ITwinSpace.providedBy(item):
            return item
    return None
