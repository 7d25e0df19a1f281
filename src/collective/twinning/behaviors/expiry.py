"""An ``expires`` date stored as Plone's own expiration date.

Partner postings expire on a day. Keeping that day in Dublin Core's
``expiration_date`` (not in an attribute named ``expires``, which would hide
the content's ``expires()`` method) lets the catalog's ``effectiveRange``
hide expired postings the way Plone hides any expired content.
"""

from collective.twinning import _
from collective.twinning.content.fields import date_field
from DateTime import DateTime
from datetime import date
from plone.autoform.interfaces import IFormFieldProvider
from plone.dexterity.interfaces import IDexterityContent
from plone.supermodel import model
from zope.component import adapter
from zope.interface import implementer
from zope.interface import provider


@provider(IFormFieldProvider)
class IExpiry(model.Schema):
    expires = date_field(
        _("Expires on"),
        description=_("Last day on which the posting is shown."),
    )


def end_of_day(day: date) -> DateTime:
    return DateTime(f"{day.isoformat()} 23:59:59 UTC")


@implementer(IExpiry)
@adapter(IDexterityContent)
class Expiry:
    def __init__(self, context):
        self.context = context

    @property
    def expires(self) -> date | None:
        stored = getattr(self.context, "expiration_date", None)
        if stored is None:
            return None
        return stored.toZone("UTC").asdatetime().date()

    @expires.setter
    def expires(self, value: date | None) -> None:
        self.context.setExpirationDate(None if value is None else end_of_day(value))
