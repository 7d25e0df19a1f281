"""TeacherProfile: a validated teacher's entry in the people directory (/people).

Profiles are made and kept in sync by the system (directory.profiles) from the
account: its full name, country and ambassador flag (the role Ambassador, given by
the national services) are copied from there, the owner edits the rest.
The e-mail address is never stored here, so no serialization can reveal it.
"""

from collective.twinning import _
from collective.twinning.content.fields import choice_list
from collective.twinning.content.fields import COUNTRIES
from collective.twinning.content.fields import languages_field
from collective.twinning.content.fields import organisation_field
from collective.twinning.content.fields import subjects_field
from collective.twinning.content.fields import VOCATIONAL_SUBJECTS
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class ITeacherProfile(model.Schema):
    """What a teacher tells other teachers looking for partners."""

    fullname = schema.TextLine(
        title=_("Full name"),
        description=_("From your account."),
        readonly=True,
        required=False,
    )
    country = schema.Choice(
        title=_("Country"),
        description=_("From your account."),
        vocabulary=COUNTRIES,
        readonly=True,
        required=False,
    )
    organisation = organisation_field(_("School or organisation"))
    member_type = schema.Choice(
        title=_("I am a"),
        vocabulary="collective.twinning.vocabularies.MemberTypes",
        default="teacher",
        required=True,
    )
    subjects = subjects_field()
    vocational_subjects = choice_list(_("Vocational subjects"), VOCATIONAL_SUBJECTS)
    languages = languages_field()
    available_for_projects = schema.Bool(
        title=_("Available for projects"),
        description=_("Other teachers may invite me to new projects."),
        default=True,
        required=False,
    )
    ambassador = schema.Bool(
        title=_("eTwinning ambassador"),
        description=_("Named by your national support service."),
        default=False,
        readonly=True,
        required=False,
    )
    bio = schema.Text(title=_("About me"), max_length=5000, required=False)


@implementer(ITeacherProfile)
class TeacherProfile(Item):
    """The full name (copied from the account) is the title."""

    @property
    def title(self) -> str:
        return getattr(self, "fullname", None) or self.getId()

    @title.setter
    def title(self, value) -> None:
        # The account's full name is the title; profiles are titled by the sync.
        pass
