"""Keep teacher profiles in step with the accounts (see directory.profiles)."""

from collective.twinning.directory.profiles import group_member_ids
from collective.twinning.directory.profiles import remove_profile
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.directory.profiles import sync_profiles
from plone import api
from plone.api.exc import CannotGetPortalError


def _principal_id(event) -> str:
    principal = event.principal
    return principal if isinstance(principal, str) else principal.getId()


def account_changed(event) -> None:
    """An account's properties (full name, country) changed."""
    try:
        sync_profile(_principal_id(event))
    except CannotGetPortalError:  # the Zope root's own users have no profile
        return


def membership_changed(event) -> None:
    """An account joined or left a group (its roles may change); for a group that joined
    or left another, every account in it."""
    principal_id = _principal_id(event)
    try:
        if api.group.get(groupname=principal_id) is not None:
            sync_profiles(group_member_ids(principal_id))
        else:
            sync_profile(principal_id)
    except CannotGetPortalError:
        return


def account_deleted(event) -> None:
    try:
        remove_profile(_principal_id(event))
    except CannotGetPortalError:
        return


def organisation_renamed(organisation, event) -> None:
    """Profiles and postings show (and are found by) their school's name: refresh them."""
    catalog = api.portal.get_tool("portal_catalog")
    # Maintenance of the catalog itself, never shown to anyone: every pointing item counts.
    for brain in catalog.unrestrictedSearchResults(organisation_uid=organisation.UID()):
        brain._unrestrictedGetObject().reindexObject(idxs=["SearchableText"])
