"""Group: a thematic group of teachers."""

from collective.twinning import _
from collective.twinning.content.fields import founders_countries_field
from collective.twinning.content.fields import languages_field
from collective.twinning.content.fields import subjects_field
from collective.twinning.content.place import Place
from collective.twinning.interfaces import IHasRoster
from plone.app.textfield import RichText
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IGroup(model.Schema):
    """A place where teachers discuss a theme and share material.

    Everything here is the group's public summary (once approved); its members
    and private pages are for its members (group_workflow, membership.groups).
    """

    objectives = RichText(title=_("Objectives"), required=False)
    access = schema.Choice(
        title=_("Who may join"),
        vocabulary="collective.twinning.vocabularies.GroupAccess",
        default="etwinners",
        required=True,
    )
    languages = languages_field()
    subjects = subjects_field()

    # The creator's country (subscribers.group): its national validators approve the group.
    countries = founders_countries_field()


@implementer(IGroup, IHasRoster)
class Group(Place):
    """A thematic group."""
