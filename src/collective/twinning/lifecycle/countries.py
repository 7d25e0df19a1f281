"""A project's countries (its founders') and the validators of a country.

A national validator of country CC holds the global role NationalValidator
(directly or through any group) and has the member property ``country`` CC; a
European validator holds EuropeanValidator. The add-on's PAS plugin puts national
validators in the group principal ``validators:CC``, to which a project of CC
grants its local Reviewer role: they see and validate that country's projects.
"""

from collective.twinning.directory.profiles import group_member_ids
from collective.twinning.membership.principals import validators_group_id
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from collective.twinning.membership.roles import NATIONAL_VALIDATOR
from plone import api


def user_country(userid: str) -> str | None:
    user = api.user.get(userid=userid)
    if user is None:
        return None
    return user.getProperty("country", None) or None


def validator_countries(userid: str) -> set[str]:
    """Countries the user validates for: its own, when it is a national validator."""
    user = api.user.get(userid=userid) if userid else None
    if user is None:
        return set()
    groups = set(user.getGroups())
    country = user.getProperty("country", None)
    return {country} if country and validators_group_id(country) in groups else set()


def users_with_role(role: str) -> set[str]:
    """The accounts holding a global role, directly or through (nested) groups."""
    roles = api.portal.get_tool("acl_users").portal_role_manager
    groups_tool = api.portal.get_tool("portal_groups")
    users = set()
    for principal_id, _title in roles.listAssignedPrincipals(role):
        if groups_tool.getGroupById(principal_id) is not None:
            users |= group_member_ids(principal_id)
        elif api.user.get(userid=principal_id) is not None:
            users.add(principal_id)
    return users


def national_validators(country: str) -> list[str]:
    """The national validators of ``country`` (role and country), sorted."""
    return sorted(u for u in users_with_role(NATIONAL_VALIDATOR) if user_country(u) == country)


def european_validators() -> list[str]:
    """Users holding EuropeanValidator, directly or through a group, sorted."""
    return sorted(users_with_role(EUROPEAN_VALIDATOR))


def compute_countries(founder_ids) -> tuple[str, ...]:
    return tuple(sorted({c for c in (user_country(u) for u in founder_ids) if c}))


def project_kind(countries) -> str:
    return "european" if len(set(countries)) > 1 else "national"
