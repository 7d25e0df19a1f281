"""Pending teacher accounts and the national services' decisions.

Every new account is recorded as a request (an OOBTree on the portal,
userid -> request); the validators of the account's country approve it, which
grants the global role Teacher, or reject it.
"""

from BTrees.OOBTree import OOBTree
from collective.twinning import _
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.errors import FieldError
from collective.twinning.errors import Forbidden
from collective.twinning.errors import NotFound
from collective.twinning.lifecycle.countries import user_country
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.lifecycle.notifications import send_mail
from collective.twinning.membership.roles import TEACHER
from collective.twinning.security import as_system
from collective.twinning.storage import annotation_btree
from datetime import datetime
from datetime import UTC
from persistent.mapping import PersistentMapping
from plone import api


ANNOTATION_KEY = "collective.twinning.teacher_requests"
PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _requests(create: bool = False) -> OOBTree:
    return annotation_btree(api.portal.get(), ANNOTATION_KEY, create)


def record_request(userid: str) -> None:
    requests = _requests(create=True)
    if userid not in requests:
        requests[userid] = PersistentMapping(status=PENDING, requested=_now())


def forget_request(userid: str) -> None:
    requests = _requests()
    if userid in requests:
        del requests[userid]


def _pending_user(userid: str, request):
    """The account of a pending request, or None (decided, deleted, or already a Teacher)."""
    if request is None or request["status"] != PENDING:
        return None
    user = api.user.get(userid=userid)
    if user is None or TEACHER in api.user.get_roles(user=user):
        return None
    return user


def is_pending(userid: str) -> bool:
    return _pending_user(userid, _requests().get(userid)) is not None


def pending_for(countries: set[str] | None) -> list[dict]:
    """The pending accounts of the given countries (None: all), oldest first."""
    items = []
    for userid, request in _requests().items():
        user = _pending_user(userid, request)
        if user is None:
            continue
        country = user.getProperty("country", None)
        if countries is not None and country not in countries:
            continue
        items.append(
            {
                "id": userid,
                "fullname": user.getProperty("fullname", ""),
                "country": country,
                "requested": request["requested"],
            }
        )
    return sorted(items, key=lambda item: item["requested"])


def countries_of_validator(userid: str) -> set[str] | None:
    """Countries whose teachers ``userid`` validates; None (all) for site administrators."""
    roles = set(api.user.get_roles(username=userid))
    if roles & {"Manager", "Site Administrator"}:
        return None
    return validator_countries(userid)


def decide(userid: str, validator: str, decision, comment) -> dict:
    """Approve (grant Teacher) or reject a pending account."""
    if not is_pending(userid):
        raise NotFound(_("This account is not waiting for validation."))
    countries = countries_of_validator(validator)
    if countries is not None and user_country(userid) not in countries:
        raise Forbidden(_("Teachers are validated by the national service of their country."))
    if decision not in ("approve", "reject"):
        raise FieldError("decision", _("Choose a decision."))
    if comment is not None and not isinstance(comment, str):
        raise FieldError("comment", _("${name}: give a string.", mapping={"name": "comment"}))

    request = _requests()[userid]
    request.update(
        status=APPROVED if decision == "approve" else REJECTED,
        decided_by=validator,
        decided=_now(),
        comment=(comment or "").strip(),
    )
    if decision == "approve":
        with as_system():  # validators may not grant roles themselves
            api.user.grant_roles(username=userid, roles=[TEACHER])
        sync_profile(userid)
    portal_url = api.portal.get().absolute_url()
    verdict = "approved: you can now register projects" if decision == "approve" else "rejected"
    send_mail(
        [userid],
        f"Your teacher account was {'approved' if decision == 'approve' else 'rejected'}",
        f"Your national support service has {verdict}.\n{request['comment']}\n\n{portal_url}\n",
    )
    return {"id": userid, **dict(request)}
