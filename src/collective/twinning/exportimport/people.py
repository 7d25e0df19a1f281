"""Who an archive names (founders, roster, pupils), held to the portal's rules before and as they are made."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.exportimport.codec import CodecError
from collective.twinning.exportimport.codec import decode
from collective.twinning.exportimport.records import invalid
from collective.twinning.exportimport.records import Item
from collective.twinning.exportimport.records import SpaceData
from collective.twinning.lifecycle.countries import compute_countries
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roles import LOCAL_ROLES
from collective.twinning.membership.roles import PUPIL_PROPERTY
from collective.twinning.membership.roles import TEACHER
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import Roster
from dataclasses import dataclass
from plone import api
from zExceptions import Forbidden

import secrets


@dataclass
class People:
    founders: list[str]
    roster: list[tuple[str, str]]  # everyone but the founders (always admins)
    new_pupils: dict[str, str]  # id -> full name, accounts to make

    @property
    def members(self) -> set[str]:
        return {*self.founders, *(user for user, _role in self.roster), *self.new_pupils}


def founders_of(root: Item) -> list[str]:
    """The creator and the partner founder the archive names."""
    creators = root.strings("creators")
    cofounder = root.fields.get("cofounder")
    if not creators:
        raise invalid(root.where("creators"), "the project names no founder")
    if cofounder is not None and not isinstance(cofounder, str):
        raise invalid(root.where("cofounder"), "a user id is expected")
    return [creators[0], *([cofounder] if cofounder and cofounder != creators[0] else [])]


def _refused(field: str, user: str, role: str, reason: str) -> FieldError:
    return FieldError(
        field,
        _(
            "${user} cannot be ${role} here: ${reason}",
            mapping={"user": user, "role": role, "reason": reason},
        ),
    )


def plan_people(items: list[Item], space_data: SpaceData, restoring: bool) -> People:
    """The accounts the archive names exist here; new pupil ids pass the checks of ``@pupils``."""
    root = items[0]
    founders = founders_of(root)
    named = set(founders) | {user for user, _role in space_data.roster if user not in space_data.pupils}
    if restoring:
        named.update(
            creator
            for item in items
            for creator in item.strings("creators")
            if creator not in space_data.pupils
        )
    missing = sorted(user for user in named if api.user.get(userid=user) is None)
    if missing:
        raise FieldError(
            "roster",
            _("These accounts are not on this site: ${users}.", mapping={"users": ", ".join(missing)}),
        )
    registration = api.portal.get_tool("portal_registration")
    new_pupils = {}
    for pupil_id, fullname in space_data.pupils.items():
        account = api.user.get(userid=pupil_id)
        if account is None:
            if not registration.isMemberIdAllowed(pupil_id):
                raise FieldError(
                    "pupils", _("'${user}' is taken or not a valid user name.", mapping={"user": pupil_id})
                )
            new_pupils[pupil_id] = fullname.strip() or pupil_id
        elif not (is_pupil_account(account) and account.getProperty(PUPIL_PROPERTY, "") == root.uid):
            raise FieldError(
                "pupils",
                _(
                    "${user} is an account of this site, not a pupil of this project.",
                    mapping={"user": pupil_id},
                ),
            )
    roster = []
    for user, role in space_data.roster:
        if user in founders:
            continue  # founders stay the project's admins
        if role not in LOCAL_ROLES:
            raise _refused("roster", user, role, "no role of a project.")
        if user in new_pupils and role != TWINSPACE_PUPIL:
            raise _refused("roster", user, role, f"a pupil account can only be {TWINSPACE_PUPIL}.")
        roster.append((user, role))
    return People(founders, roster, new_pupils)


def check_founders(root: Item, founders: list[str]) -> tuple[str, ...]:
    """Founders are validated teachers here, of the countries the archive says; their countries."""
    for founder in founders:
        user = api.user.get(userid=founder)
        if is_pupil_account(user) or TEACHER not in api.user.get_roles(user=user):
            raise FieldError(
                "founders",
                _("The founder ${user} is not a validated teacher of this site.", mapping={"user": founder}),
            )
    countries = compute_countries(founders)
    claimed = root.fields.get("countries")
    if claimed is not None:
        try:
            claimed = decode(claimed)
        except CodecError as error:
            raise invalid(root.where("countries"), str(error)) from None
        if not isinstance(claimed, (tuple, list)) or set(claimed) != set(countries):
            raise FieldError(
                "founders",
                _(
                    "The founders are of ${here} on this site; the archive says ${archive}.",
                    mapping={
                        "here": ", ".join(countries) or "-",
                        "archive": ", ".join(map(str, claimed or ())) or "-",
                    },
                ),
            )
    return countries


def check_validator_country(countries) -> None:
    """A national validator imports only a project with a founder of its own country (403)."""
    userid = api.user.get_current().getId()
    mine = validator_countries(userid)
    if not mine & set(countries):
        raise Forbidden(
            f"You validate for {', '.join(sorted(mine)) or 'no country'}; the founders of this project "
            f"are of {', '.join(countries) or 'no country'}."
        )


def check_roster(space, people: People) -> None:
    """Every member may hold their role (the roster's own rule, as ``@members`` applies it)."""
    roster = Roster(space)
    for user, role in people.roster:
        if user in people.new_pupils:
            continue  # made by create_pupil below, as TwinSpacePupil
        problem = roster.problem_with(api.user.get(userid=user), role)
        if problem:
            raise _refused("roster", user, role, problem)


def make_members(space, people: People) -> None:
    """New pupils through ``@pupils``' own function (a random password: the teacher sets one), then the roster."""
    for pupil_id, fullname in people.new_pupils.items():
        create_pupil(
            space, {"username": pupil_id, "fullname": fullname, "password": secrets.token_urlsafe(24)}
        )
    roster = Roster(space)
    for user, role in people.roster:
        if user not in people.new_pupils:
            roster.set(user, role)
