"""A project's countries (its founders') and the validators of a country.

A national validator of country CC is a member of the group ``validators-CC``,
which holds the global role NationalValidator. The group is what a project
grants its local Reviewer role to, so adding a validator to the group is all
it takes for them to see and validate that country's projects.
"""

from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from collective.twinning.membership.roles import NATIONAL_VALIDATOR
from plone import api


VALIDATOR_GROUP_PREFIX = "validators-"


def validator_group_id(country: str) -> str:
    return f"{VALIDATOR_GROUP_PREFIX}{country}"


def ensure_validator_group(country: str):
    """The group of country's national validators, created with its global role."""
    group_id = validator_group_id(country)
    group = api.group.get(groupname=group_id)
    if group is None:
        group = api.group.create(
            groupname=group_id,
            title=f"National validators {country}",
            roles=[NATIONAL_VALIDATOR],
        )
    return group


def user_country(userid: str) -> str | None:
    user = api.user.get(userid=userid)
    if user is None:
        return None
    return user.getProperty("country", None) or None


def validator_countries(userid: str) -> set[str]:
    """Countries the user validates for: the validators-CC groups they belong to."""
    user = api.user.get(userid=userid)
    if user is None:
        return set()
    return {
        group.getId()[len(VALIDATOR_GROUP_PREFIX):]
        for group in api.group.get_groups(user=user)
        if group.getId().startswith(VALIDATOR_GROUP_PREFIX)
    }


def national_validators(country: str) -> list[str]:
    group = api.group.get(groupname=validator_group_id(country))
    if group is None:
        return []
    return [member.getId() for member in api.user.get_users(group=group)]


def european_validators() -> list[str]:
    """Users holding the global role EuropeanValidator (directly, not through a group)."""
    roles = api.portal.get_tool("acl_users").portal_role_manager
    return [
        principal_id
        for principal_id, _title in roles.listAssignedPrincipals(EUROPEAN_VALIDATOR)
        if api.user.get(userid=principal_id) is not None
    ]


def compute_countries(founder_ids) -> tuple[str, ...]:
    return tuple(sorted({c for c in (user_country(u) for u in founder_ids) if c}))


def project_kind(countries) -> str:
    return "european" if len(set(countries)) > 1 else "national"
