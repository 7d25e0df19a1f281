"""PartnerPosting: a teacher's advert looking for partners."""

from collective.twinning import _
from collective.twinning.content.fields import choice_list
from collective.twinning.content.fields import COUNTRIES
from collective.twinning.content.fields import languages_field
from collective.twinning.content.fields import organisation_field
from collective.twinning.content.fields import pupil_age_field
from collective.twinning.content.fields import subjects_field
from collective.twinning.content.fields import VOCATIONAL_SUBJECTS
from collective.twinning.content.validation import check_order
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


class IPartnerPosting(model.Schema):
    """What kind of partnership is sought, by whom, for which pupils, until when."""

    partnership_type = schema.Choice(
        title=_("Type of partnership"),
        vocabulary="collective.twinning.vocabularies.PartnershipTypes",
        required=True,
    )
    looking_for = schema.Choice(
        title=_("Looking for"),
        vocabulary="collective.twinning.vocabularies.LookingFor",
        required=True,
    )
    country = schema.Choice(title=_("Country"), vocabulary=COUNTRIES, required=True)
    organisation = organisation_field(_("School or organisation"))
    languages = languages_field()
    subjects = subjects_field()
    vocational_subjects = choice_list(_("Vocational subjects"), VOCATIONAL_SUBJECTS)
    age_from = pupil_age_field(_("Pupils aged from"))
    age_to = pupil_age_field(_("Pupils aged to"))
    topics = choice_list(_("Topics"), "collective.twinning.vocabularies.Topics")
    # ``expires`` comes from the collective.twinning.expiry behavior.

    @invariant
    def ages_in_order(data):
        check_order(data, "age_from", "age_to")


@implementer(IPartnerPosting)
class PartnerPosting(Item):
    """A partner-finding posting."""
