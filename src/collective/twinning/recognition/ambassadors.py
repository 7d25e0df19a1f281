"""eTwinning ambassadors: a global role given by the national services to teachers of their country.

The role is the one truth: the teacher profile's ``ambassador`` flag (people
search's filter and facet) is copied from it by ``directory.profiles.sync_profile``
and cannot be edited. Administrators may grant and take it for any country.
"""

from collective.twinning import _
from collective.twinning import audit
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.errors import FieldError
from collective.twinning.lifecycle.countries import user_country
from collective.twinning.lifecycle.countries import users_with_role
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roles import TEACHER
from collective.twinning.recognition.organisers import is_administrator
from collective.twinning.recognition.organisers import is_european
from plone import api
from zExceptions import Forbidden
from zExceptions import NotFound


AMBASSADOR = "Ambassador"


def countries_of(by: str) -> set[str] | None:
    """The countries ``by`` gives the role for (None: all, for administrators)."""
    return None if is_administrator(by) else validator_countries(by)


def _teacher(userid) -> object:
    if not isinstance(userid, str) or not userid:
        raise FieldError("user", _("user: give a user id."))
    user = api.user.get(userid=userid)
    if user is None:
        raise FieldError("user", _("user: no account ${user}.", mapping={"user": userid}))
    return user


def _check_country(user, by: str) -> None:
    countries = countries_of(by)
    if countries is not None and user_country(user.getId()) not in countries:
        raise Forbidden("A national service names ambassadors among the teachers of its country.")


def grant(userid, by: str) -> dict:
    """Give the role to a validated teacher of ``by``'s country."""
    user = _teacher(userid)
    _check_country(user, by)
    if TEACHER not in api.user.get_roles(user=user) or is_pupil_account(user):
        raise FieldError("user", _("user: ${user} is not a validated teacher.", mapping={"user": userid}))
    if AMBASSADOR not in api.user.get_roles(user=user, inherit=False):
        api.user.grant_roles(user=user, roles=[AMBASSADOR])
        audit.record(api.portal.get(), "ambassador_granted", userid)
    sync_profile(userid)
    return describe(userid)


def revoke(userid: str, by: str) -> None:
    user = api.user.get(userid=userid)
    if user is None or AMBASSADOR not in api.user.get_roles(user=user, inherit=False):
        raise NotFound(f"{userid} is no ambassador.")
    _check_country(user, by)
    api.user.revoke_roles(user=user, roles=[AMBASSADOR])
    audit.record(api.portal.get(), "ambassador_revoked", userid)
    sync_profile(userid)


def describe(userid: str) -> dict:
    user = api.user.get(userid=userid)
    return {
        "userid": userid,
        "fullname": (user.getProperty("fullname", "") if user is not None else "") or userid,
        "country": user_country(userid),
    }


def ambassadors(by: str) -> list[dict]:
    """The ambassadors of ``by``'s countries (all, for administrators and the European service)."""
    countries = None if is_european(by) else validator_countries(by)
    found = [describe(userid) for userid in sorted(users_with_role(AMBASSADOR))]
    return [item for item in found if countries is None or item["country"] in countries]
