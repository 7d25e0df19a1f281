"""What the searches (search/) filter, facet and find by text.

Fields stored under the same name are indexed as attributes; these indexers
cover the values that are computed (a project's countries, kind, Erasmus+ link,
related organisation) and the words each search's ``q`` matches.
"""

from Acquisition import aq_base
from collective.twinning.content.organisation import IOrganisation
from collective.twinning.content.partner_posting import IPartnerPosting
from collective.twinning.content.teacher_profile import ITeacherProfile
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.lifecycle.countries import project_kind as kind_of
from plone.indexer import indexer
from zope.interface import Interface


def related_organisation(obj):
    relation = getattr(obj, "organisation", None)
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def _words(*parts) -> str:
    return " ".join(part for part in parts if part)


@indexer(ITwinSpace)
def twinspace_country(space):
    return list(getattr(space, "countries", ()) or ())


@indexer(ITwinSpace)
def project_kind(space):
    return kind_of(getattr(space, "countries", ()) or ())


@indexer(ITwinSpace)
def erasmus(space):
    """Linked to an Erasmus+ project: a key action or a project reference."""
    return bool(
        getattr(space, "erasmus_key_action", None) or getattr(space, "erasmus_project_reference", None)
    )


@indexer(ITeacherProfile)
def profile_organisation_uid(profile):
    organisation = related_organisation(profile)
    return organisation.UID() if organisation is not None else None


@indexer(IPartnerPosting)
def posting_organisation_uid(posting):
    return profile_organisation_uid.callable(posting)


@indexer(ITeacherProfile)
def profile_text(profile):
    """People search's ``q``: the name and the school."""
    organisation = related_organisation(profile)
    return _words(profile.title, organisation.title if organisation is not None else "")


@indexer(IOrganisation)
def organisation_text(organisation):
    return _words(organisation.title, organisation.city, organisation.region)


@indexer(IPartnerPosting)
def posting_text(posting):
    organisation = related_organisation(posting)
    return _words(
        posting.title,
        posting.description,
        organisation.title if organisation is not None else "",
    )


@indexer(ITwinSpace)
def twinspace_text(space):
    return _words(space.title, space.description)


def _summary(obj):
    from collective.twinning.search.summaries import summary_of  # summaries use the indexers

    return summary_of(obj)


# The ``twinning_summary`` metadata column: what the searches return per item.
profile_summary = indexer(ITeacherProfile)(_summary)
organisation_summary = indexer(IOrganisation)(_summary)
posting_summary = indexer(IPartnerPosting)(_summary)
project_summary = indexer(ITwinSpace)(_summary)


def own_attribute(name: str):
    """Index ``name`` only where the item holds it itself: a page must not be indexed
    with the languages or ages of the project it acquires them from."""

    @indexer(Interface)
    def read(obj):
        value = getattr(aq_base(obj), name, None)
        if value is None:
            raise AttributeError(name)
        return value

    return read


# Registered in configure.zcml under the index's name (more specific indexers win).
own_country = own_attribute("country")
own_languages = own_attribute("languages")
own_subjects = own_attribute("subjects")
own_vocational_subjects = own_attribute("vocational_subjects")
own_topics = own_attribute("topics")
own_member_type = own_attribute("member_type")
own_available_for_projects = own_attribute("available_for_projects")
own_ambassador = own_attribute("ambassador")
own_region = own_attribute("region")
own_organisation_type = own_attribute("organisation_type")
own_partnership_type = own_attribute("partnership_type")
own_looking_for = own_attribute("looking_for")
own_age_from = own_attribute("age_from")
own_age_to = own_attribute("age_to")
