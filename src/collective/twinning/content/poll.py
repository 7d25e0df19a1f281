"""Poll: a question with 2 to 10 options; each member answers once (collaboration.polls)."""

from collective.twinning import _
from collective.twinning.collaboration.places import is_open
from collective.twinning.collaboration.places import place_of
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IPoll(model.Schema):
    question = schema.TextLine(title=_("Question"), required=True, max_length=300)
    options = schema.List(
        title=_("Options"),
        description=_("From 2 to 10 answers, one per line."),
        value_type=schema.TextLine(max_length=200),
        min_length=2,
        max_length=10,
        required=True,
    )


@implementer(IPoll)
class Poll(Item):
    """A poll; its title is its question."""

    @property
    def title(self) -> str:
        return getattr(self, "question", "") or ""

    @title.setter
    def title(self, value) -> None:
        """The title follows the question."""

    def accepts_answers(self) -> bool:
        return is_open(place_of(self))
