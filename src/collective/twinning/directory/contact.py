"""``@contact``: a teacher writes to a project's founders, a posting's author or a colleague.

The mail goes out through Plone's MailHost from the portal's address, with the
sender's address as Reply-To; the recipients' addresses are never shown to the
sender. Each sender may send RATE_LIMIT mails per RATE_WINDOW seconds; the
times are kept in an OOBTree (one entry per sender, so senders don't conflict).
"""

from collective.twinning import _
from collective.twinning import logger
from collective.twinning.content.partner_posting import IPartnerPosting
from collective.twinning.content.teacher_profile import ITeacherProfile
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.errors import FieldError
from collective.twinning.errors import ServiceUnavailable
from collective.twinning.errors import TooManyRequests
from collective.twinning.membership.roster import founders
from collective.twinning.storage import annotation_btree
from email.message import EmailMessage
from email.utils import formataddr
from plone import api
from zExceptions import Unauthorized

import time


MAX_SUBJECT = 200
MAX_MESSAGE = 5000
RATE_LIMIT = 20
RATE_WINDOW = 3600  # seconds
ANNOTATION_KEY = "collective.twinning.contact_times"


def recipients_of(obj) -> list[str]:
    """Who a contact about ``obj`` reaches: founders, author or profile owner."""
    if ITwinSpace.providedBy(obj):
        return list(founders(obj))
    if IPartnerPosting.providedBy(obj) or ITeacherProfile.providedBy(obj):
        return list(obj.listCreators()[:1])
    return []


def _text(data: dict, name: str, limit: int) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise FieldError(name, _("This field is required."))
    value = value.strip()
    if len(value) > limit:
        raise FieldError(name, _("At most ${max} characters.", mapping={"max": limit}))
    return value


def _send_times(create: bool = False):
    return annotation_btree(api.portal.get(), ANNOTATION_KEY, create)


def recent_sends(sender: str, now: float) -> tuple[float, ...]:
    return tuple(t for t in _send_times().get(sender, ()) if now - t < RATE_WINDOW)


def _record_send(sender: str, now: float) -> None:
    _send_times(create=True)[sender] = (*recent_sends(sender, now), now)


def _one_line(text: str) -> str:
    """Names go into mail headers, where a line break would be refused (or injected)."""
    return " ".join(text.split())


def _message(sender, recipient, subject: str, text: str, about) -> EmailMessage:
    portal = api.portal.get()
    message = EmailMessage()
    message["Subject"] = f"[{_one_line(portal.Title())}] {subject}"
    message["From"] = formataddr(
        (
            api.portal.get_registry_record("plone.email_from_name") or "",
            api.portal.get_registry_record("plone.email_from_address"),
        )
    )
    message["To"] = recipient.getProperty("email")
    sender_name = _one_line(sender.getProperty("fullname", "") or sender.getId())
    message["Reply-To"] = formataddr((sender_name, sender.getProperty("email")))
    message.set_content(
        f"{text}\n\n-- \n{sender_name} wrote to you about {about.Title()}\n"
        f"{about.absolute_url()}\nReply to this mail to answer them.\n"
    )
    return message


def contact(obj, sender_id: str, data: dict, now: float | None = None) -> dict:
    """Check everything, then mail each recipient; returns how many were mailed."""
    if not api.user.has_permission("View", obj=obj):
        raise Unauthorized("You cannot see this, so you cannot contact its people.")
    subject = _text(data, "subject", MAX_SUBJECT)
    if len(subject.splitlines()) > 1:  # any line break (also U+2028, NEL, …)
        raise FieldError("subject", _("One line only."))
    text = _text(data, "message", MAX_MESSAGE)
    sender = api.user.get(userid=sender_id)
    if sender is None or not sender.getProperty("email", ""):
        raise FieldError("email", _("Your account has no e-mail address to receive the answer."))
    recipients = [
        user
        for user in (api.user.get(userid=u) for u in recipients_of(obj) if u != sender_id)
        if user is not None and user.getProperty("email", "")
    ]
    if not recipients:
        raise FieldError("recipients", _("There is nobody to contact here."))
    if not api.portal.get_registry_record("plone.email_from_address", default=None):
        # Found by the fuzzer: formataddr failed on the missing address (500).
        raise ServiceUnavailable("The portal cannot send mail: its sender address is not set.")
    now = time.time() if now is None else now
    if len(recent_sends(sender_id, now)) >= RATE_LIMIT:
        raise TooManyRequests(
            _("At most ${limit} contacts per hour; please try again later.", mapping={"limit": RATE_LIMIT})
        )
    mailhost = api.portal.get_tool("MailHost")
    for recipient in recipients:
        mailhost.send(_message(sender, recipient, subject, text, obj), immediate=False)
    _record_send(sender_id, now)
    logger.info("%s contacted %d people about %s.", sender_id, len(recipients), obj.absolute_url(1))
    return {"sent": len(recipients)}
