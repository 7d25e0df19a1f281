"""Member properties that are not the account's own to change: ``country`` and ``pupil_of``.

``country`` decides which national service validates an account and sees its projects. It is
chosen at registration; afterwards administrators change it, and a national validator may move
a pending account of its own country (registered in the wrong one). Each change is recorded in
the portal's audit log (``GET @audit`` on the portal, administrators). ``pupil_of`` marks a
pupil's account: only the system sets it (``membership.pupils``, import).

The doors check before anything is written (``@users``, the personal-information forms);
``refuse_own_changes`` is the net under any other: the account itself writing either property.
"""

from AccessControl import getSecurityManager
from collective.twinning import _
from collective.twinning import audit
from collective.twinning.errors import FieldError
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from collective.twinning.membership.roles import NATIONAL_VALIDATOR
from collective.twinning.membership.roles import PUPIL_PROPERTY
from collective.twinning.teachers.requests import is_pending
from plone import api
from plone.api.exc import CannotGetPortalError
from zExceptions import Forbidden


COUNTRY = "country"
ADMINISTRATORS = frozenset({"Manager", "Site Administrator"})
VALIDATOR_ROLES = frozenset({NATIONAL_VALIDATOR, EUROPEAN_VALIDATOR})


def is_administrator(user=None) -> bool:
    """The acting user (system steps included) is a Manager or Site Administrator of the portal."""
    user = user or getSecurityManager().getUser()
    return bool(ADMINISTRATORS & set(user.getRolesInContext(api.portal.get())))


def country_of(user) -> str | None:
    return user.getProperty(COUNTRY, "") or None


def may_move_pending(actor_id: str, userid: str) -> bool:
    """A national validator moves a pending account of its own country (never a validator's)."""
    if not actor_id or actor_id == userid or not is_pending(userid):
        return False
    user = api.user.get(userid=userid)
    if user is None:
        return False
    if VALIDATOR_ROLES & set(api.user.get_roles(user=user)):
        return False
    return country_of(user) in validator_countries(actor_id)


def country_change_refusal(userid: str) -> Exception | None:
    """Why the acting user may not change the country of ``userid``; None when they may."""
    actor = getSecurityManager().getUser()
    if is_administrator(actor):
        return None
    if actor.getId() == userid:
        return FieldError(
            COUNTRY,
            _(
                "Your country was chosen when you registered: your national support service "
                "(while your account waits for validation) or an administrator changes it."
            ),
        )
    if may_move_pending(actor.getId(), userid):
        return None
    return Forbidden(
        "country: only administrators change it; a national validator moves a pending "
        "account of its own country."
    )


def record_country_change(userid: str, previous: str | None, country: str | None) -> None:
    """The portal's audit log: who moved which account from which country to which, when."""
    audit.record(api.portal.get(), "country_changed", userid, from_country=previous, to_country=country)


def pupil_of_refusal() -> FieldError:
    return FieldError(
        PUPIL_PROPERTY,
        _("pupil_of is set by the portal when a teacher creates a pupil's account; nobody changes it."),
    )


def drop_unchanged(data: dict, user) -> dict:
    """``data`` without ``country`` and ``pupil_of`` when they repeat the stored values (clients send
    whole forms back); FieldError when ``pupil_of`` would change."""
    data = dict(data)
    if PUPIL_PROPERTY in data:
        if (data[PUPIL_PROPERTY] or "") != (user.getProperty(PUPIL_PROPERTY, "") or ""):
            raise pupil_of_refusal()
        del data[PUPIL_PROPERTY]
    if COUNTRY in data and data[COUNTRY] == country_of(user):
        del data[COUNTRY]
    return data


def refuse_own_changes(event) -> None:
    """No code acting as the account itself writes its ``pupil_of``, nor its ``country`` unless it is
    an administrator; raising aborts the request's transaction, the write included."""
    written = getattr(event, "properties", None) or {}
    if COUNTRY not in written and PUPIL_PROPERTY not in written:
        return
    principal = event.principal
    userid = principal if isinstance(principal, str) else principal.getId()
    actor = getSecurityManager().getUser()
    if actor.getId() != userid:
        return  # registration (anonymous), the system, administrators, a validator's move: the doors decide
    try:
        if is_administrator(actor):
            return
    except CannotGetPortalError:  # the Zope root's own users
        return
    if PUPIL_PROPERTY in written:
        raise pupil_of_refusal()
    refusal = country_change_refusal(userid)
    if refusal is not None:
        raise refusal
