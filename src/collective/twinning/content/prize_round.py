"""PrizeRound: a round of the European Prizes, in /recognition (the European service).

National validators nominate projects holding an awarded European Quality Label
(``PrizeEntry`` inside the round); the jury (local role PrizeJury, given to the
accounts listed in ``jury``) scores them; ``announce`` names the winners
(recognition.prizes).
"""

from collective.twinning import _
from collective.twinning.content.quality_label import current_school_year
from collective.twinning.content.validation import is_school_year
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IPrizeRound(model.Schema):
    """The school year and the jury."""

    school_year = schema.TextLine(
        title=_("School year"),
        constraint=is_school_year,
        defaultFactory=current_school_year,
        required=True,
    )
    jury = schema.List(
        title=_("Jury"),
        description=_("User ids of the jury members, one per line."),
        value_type=schema.TextLine(max_length=100),
        max_length=50,
        default=[],
        missing_value=[],
        required=False,
    )

    @invariant
    def jury_accounts(data):
        from collective.twinning.content.validation import field_value
        from collective.twinning.recognition.prizes import jury_problem

        problem = jury_problem(field_value(data, "jury") or [])
        if problem is not None:
            raise Invalid(problem)


@implementer(IPrizeRound)
class PrizeRound(Container):
    """A round; its entries live inside it."""
