"""Organisation: a school or another organisation teachers work for."""

from collective.twinning import _
from collective.twinning.content.fields import COUNTRIES
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IOrganisation(model.Schema):
    """A school (or organisation) of the directory, searched with @organisation-search."""

    name = schema.TextLine(title=_("Name"), max_length=200, required=True)
    country = schema.Choice(title=_("Country"), vocabulary=COUNTRIES, required=True)
    region = schema.TextLine(title=_("Region"), max_length=100, required=False)
    city = schema.TextLine(title=_("City"), max_length=100, required=False)
    organisation_type = schema.Choice(
        title=_("Type of organisation"),
        vocabulary="collective.twinning.vocabularies.OrganisationTypes",
        required=True,
    )
    website = schema.URI(title=_("Website"), required=False)


@implementer(IOrganisation)
class Organisation(Item):
    """The name is the title, so listings, sorting and search read it as usual."""

    @property
    def title(self) -> str:
        return getattr(self, "name", None) or ""

    @title.setter
    def title(self, value) -> None:
        # Plone's machinery sets ``title``; for an organisation that is its name.
        if value:
            self.name = value
