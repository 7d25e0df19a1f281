"""PrizeEntry: a national service's nomination of a project for the European Prizes.

One entry per project and round; the category comes from the project's pupils'
ages unless the nominating validator chooses another (recognition.prizes).
"""

from collective.twinning import _
from collective.twinning.content.validation import field_value
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IPrizeEntry(model.Schema):
    """The project (its UID) and its category."""

    project = schema.TextLine(
        title=_("Project"),
        description=_("The UID of a project holding an awarded European Quality Label."),
        max_length=64,
        required=True,
    )
    category = schema.Choice(
        title=_("Category"),
        description=_("Empty: from the pupils' ages of the project."),
        vocabulary="collective.twinning.vocabularies.PrizeCategories",
        required=False,
    )
    # The nominating validator's country (recognition.events).
    country = schema.TextLine(title=_("Country"), readonly=True, required=False)

    @invariant
    def nominable(data):
        from collective.twinning.recognition.prizes import nomination_problem

        context = getattr(data, "__context__", None)
        entry = context if IPrizeEntry.providedBy(context) else None
        problem = nomination_problem(field_value(data, "project"), context, entry)
        if problem is not None:
            raise Invalid(problem)


@implementer(IPrizeEntry)
class PrizeEntry(Item):
    """An entry, titled after its project."""

    winner = False  # set by the round's announce (recognition.prizes)

    @property
    def title(self) -> str:
        from collective.twinning.recognition.prizes import project_of

        project = project_of(self)
        return project.title if project is not None else ""

    @title.setter
    def title(self, value) -> None:
        """The title follows the project."""
