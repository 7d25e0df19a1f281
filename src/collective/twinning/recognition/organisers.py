"""Who organises for which country: calls and learning events of national and European services.

A national validator organises for the countries they validate (``validator_countries``);
a European validator and an administrator for every country, or for all at once (no
country). The validators of the organised country get the local role Reviewer through
their group principal ``validators:CC``, never through a user id.
"""

from AccessControl import getSecurityManager
from collective.twinning import _
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.principals import validators_group_id
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from plone import api


ADMINISTRATORS = frozenset({"Manager", "Site Administrator"})
REVIEWER = "Reviewer"


def global_roles(userid: str | None = None) -> set[str]:
    """The roles of the current user (also the Zope administrator), or of ``userid``."""
    current = getSecurityManager().getUser()
    if userid is None or current.getId() == userid:
        return set(current.getRoles())
    user = api.user.get(userid=userid)
    return set(api.user.get_roles(user=user)) if user is not None else set()


def is_administrator(userid: str | None = None) -> bool:
    return bool(global_roles(userid) & ADMINISTRATORS)


def is_european(userid: str | None = None) -> bool:
    return bool(global_roles(userid) & (ADMINISTRATORS | {EUROPEAN_VALIDATOR}))


def organiser_country_problem(country: str | None, userid: str | None = None):
    """Why the user may not organise for ``country`` (None: every country), or None."""
    userid = userid or getSecurityManager().getUser().getId()
    if is_european(userid):
        return None
    countries = validator_countries(userid)
    if not country:
        return _("country: only the European service organises for every country; give yours.")
    if country not in countries:
        return _(
            "country: you organise for ${countries}, not for ${country}.",
            mapping={"countries": ", ".join(sorted(countries)) or "-", "country": country},
        )
    return None


def may_organise(obj, userid: str | None = None) -> bool:
    """Whether the user organises ``obj`` (a call, a round or an event): its country's
    validators, the European service and administrators."""
    userid = userid or getSecurityManager().getUser().getId()
    if not userid:
        return False
    if is_european(userid):
        return True
    country = getattr(obj, "country", None)
    return bool(country) and country in validator_countries(userid)


def grant_country_reviewers(obj, country: str | None) -> None:
    """Give Reviewer on ``obj`` to the validators of ``country`` (and to no other country's)."""
    stale = [
        principal
        for principal, roles in obj.get_local_roles()
        if principal.startswith("validators:") and REVIEWER in roles
    ]
    wanted = validators_group_id(country) if country else None
    for principal in stale:
        if principal != wanted:
            obj.manage_delLocalRoles([principal])
    if wanted is not None:
        obj.manage_addLocalRoles(wanted, [REVIEWER])
    obj.reindexObjectSecurity()
