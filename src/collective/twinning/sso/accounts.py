"""Which account a provider's user logs in to: linked, made, or refused with a reason.

- An identity (issuer, ``sub``) already linked logs in to its account.
- Otherwise, a local account with the same e-mail address is linked only when the
  administrators allow linking and the provider asserts ``email_verified``; else the
  login is refused with a message saying why (never a silent merge).
- Otherwise a plain Member is made, whose id (``sso-…``) no local account or reserved
  principal can take; the subscriber on IPrincipalCreatedEvent queues its teacher
  request, as for self-registration. Its ``country`` is the provider's, kept as given
  when it is a portal country; an existing account's country never changes.
"""

from BTrees.OOBTree import OOBTree
from collective.twinning import _
from collective.twinning.membership.principals import is_reserved
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roles import PUPIL_ROLE
from collective.twinning.sso.settings import SSOSettings
from datetime import datetime
from datetime import UTC
from hashlib import sha256
from plone import api
from zope.component import getUtility
from zope.i18nmessageid import Message
from zope.schema.interfaces import IVocabularyFactory

import re
import secrets


USERID_PREFIX = "sso-"
PLAIN_SUB = re.compile(r"[A-Za-z0-9._-]{1,60}")
COUNTRIES = "collective.twinning.vocabularies.Countries"
MADE, LINKED = "made", "linked"


class LoginRefused(Exception):
    """The provider's user may not log in; ``message`` tells them why."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


def links(plugin) -> OOBTree:
    """(issuer, sub) -> {"userid", "how", "since"}, kept on the plugin."""
    if getattr(plugin, "_identities", None) is None:
        plugin._identities = OOBTree()
    return plugin._identities


def claim(claims: dict, name: str) -> str:
    value = claims.get(name) if name else None
    return value.strip() if isinstance(value, str) else ""


def email_verified(claims: dict) -> bool:
    """True only when the provider says so (some send the string "true")."""
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.lower() == "true")


def portal_country(value: str) -> str:
    """The claim's country when it is one of the portal's countries, else ''."""
    code = value.strip().upper()
    vocabulary = getUtility(IVocabularyFactory, COUNTRIES)(api.portal.get())
    return code if code and code in vocabulary else ""


def fullname_of(claims: dict, settings: SSOSettings) -> str:
    name = claim(claims, settings.claim_fullname)
    if not name:
        name = " ".join(part for part in (claim(claims, "given_name"), claim(claims, "family_name")) if part)
    return name


def new_userid(sub: str) -> str:
    """An unused account id for a provider's subject: ``sso-<sub>``, or a hash of an unusual sub."""
    base = USERID_PREFIX + (sub if PLAIN_SUB.fullmatch(sub) else sha256(sub.encode()).hexdigest()[:24])
    candidate, number = base, 1
    while api.user.get(userid=candidate) is not None or is_reserved(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def accounts_with_email(email: str) -> list[str]:
    """Ids of the local accounts whose e-mail address is ``email`` (any case)."""
    if not email:
        return []
    properties = api.portal.get_tool("acl_users").mutable_properties
    return sorted({info["id"] for info in properties.enumerateUsers(email=email, exact_match=True)})


def _refuse_link(claims: dict, email: str, settings: SSOSettings, provider: str) -> str:
    """The existing account to link to, or LoginRefused saying why not."""
    mapping = {"email": email, "provider": provider}
    if not settings.allow_linking:
        raise LoginRefused(
            _(
                "An account with the e-mail address ${email} already exists on this portal. "
                "Log in with its password: the administrators have not allowed linking it to ${provider}.",
                mapping=mapping,
            )
        )
    if not email_verified(claims):
        raise LoginRefused(
            _(
                "${provider} did not confirm that ${email} is your address, so it is not linked to "
                "the existing account with that address. Log in with its password.",
                mapping=mapping,
            )
        )
    matches = accounts_with_email(email)
    if len(matches) != 1:
        raise LoginRefused(
            _(
                "Several accounts have the e-mail address ${email}: ask the administrators to link yours.",
                mapping=mapping,
            )
        )
    user = api.user.get(userid=matches[0])
    if is_pupil_account(user) or PUPIL_ROLE in api.user.get_roles(user=user):
        raise LoginRefused(
            _("Pupil accounts are not linked to ${provider}: log in with your password.", mapping=mapping)
        )
    return matches[0]


def _make_account(sub: str, claims: dict, settings: SSOSettings) -> str:
    """A plain Member with the provider's name, address and country (as self-registration)."""
    userid = new_userid(sub)
    properties = {
        "fullname": fullname_of(claims, settings),
        "email": claim(claims, settings.claim_email),
        "country": portal_country(claim(claims, settings.claim_country)),
    }
    membership = api.portal.get_tool("portal_membership")
    # The password is never told: the account logs in through the provider.
    membership.addMember(userid, secrets.token_urlsafe(32), ("Member",), "", properties)
    return userid


def _follow_provider(userid: str, claims: dict, settings: SSOSettings) -> None:
    """An account the provider made follows its name and address (never its country)."""
    user = api.user.get(userid=userid)
    changes = {}
    fullname = fullname_of(claims, settings)
    email = claim(claims, settings.claim_email)
    if fullname and fullname != user.getProperty("fullname", ""):
        changes["fullname"] = fullname
    if email and email != user.getProperty("email", ""):
        changes["email"] = email
    if changes:
        user.setMemberProperties(changes)


def account_for(plugin, issuer: str, claims: dict, settings: SSOSettings) -> tuple[str, bool]:
    """(userid, made now) for the provider's user, or LoginRefused."""
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise LoginRefused(_("The identity provider did not say who you are."))
    identities = links(plugin)
    key = (issuer, sub)
    link = identities.get(key)
    if link is not None and api.user.get(userid=link["userid"]) is not None:
        if link["how"] == MADE:
            _follow_provider(link["userid"], claims, settings)
        return link["userid"], False

    provider = settings.provider_name or issuer
    email = claim(claims, settings.claim_email)
    if accounts_with_email(email):
        userid, how, made = _refuse_link(claims, email, settings, provider), LINKED, False
    else:
        userid, how, made = _make_account(sub, claims, settings), MADE, True
    identities[key] = {"userid": userid, "how": how, "since": datetime.now(UTC).isoformat(timespec="seconds")}
    return userid, made


def forget_account(plugin, userid: str) -> None:
    """Drop the links to a deleted account."""
    identities = links(plugin)
    for key in [key for key, link in identities.items() if link["userid"] == userid]:
        del identities[key]
