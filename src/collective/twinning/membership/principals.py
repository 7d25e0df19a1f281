"""The add-on's group principals: one per place and local role, one per country's validators.

Their ids carry a prefix no account may take (``is_reserved``), so a right given to
``validators:ES`` or ``twinspace:<uid>:TwinSpaceTeacher`` reaches only the users the
add-on's PAS plugin puts in that group (``collective.twinning.pas``).
"""

from collective.twinning.content.group import IGroup
from collective.twinning.content.twinspace import ITwinSpace


VALIDATORS_PREFIX = "validators:"
PLACE_PREFIXES = {ITwinSpace: "twinspace:", IGroup: "group:"}
# The real groups validators-CC of earlier versions stay reserved too.
RESERVED_PREFIXES = (VALIDATORS_PREFIX, *PLACE_PREFIXES.values(), "validators-")


def is_reserved(principal_id: str) -> bool:
    """Whether an account or a real group may not take this id."""
    return principal_id.lower().startswith(RESERVED_PREFIXES)


def validators_group_id(country: str) -> str:
    """The group of the national validators of ``country``."""
    return f"{VALIDATORS_PREFIX}{country}"


def country_of_validators_group(group_id: str) -> str | None:
    if group_id.startswith(VALIDATORS_PREFIX):
        return group_id[len(VALIDATORS_PREFIX) :] or None
    return None


def place_prefix(place) -> str:
    for interface, prefix in PLACE_PREFIXES.items():
        if interface.providedBy(place):
            return prefix
    raise TypeError(f"{place!r} has no roster")


def place_group_id(place, role: str) -> str:
    """The group whose members hold ``role`` in ``place``."""
    return f"{place_prefix(place)}{place.UID()}:{role}"


def parse_place_group(group_id: str) -> tuple[str, str, str] | None:
    """(prefix, place UID, role) of a place's group id, or None."""
    for prefix in PLACE_PREFIXES.values():
        if group_id.startswith(prefix):
            uid, _, role = group_id[len(prefix) :].partition(":")
            if uid and role:
                return prefix, uid, role
    return None
