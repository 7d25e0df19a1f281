"""Demo mail you can read: the demo site sends through a local SMTP sink (aiosmtpd), and
administrators read what it caught at ``@@demo-mails``.

``make run`` (scripts/serve.sh) starts ``python -m aiosmtpd`` on loopback with its Mailbox
handler writing a Maildir, tells the Zope process where it is (environment variable
``TWINNING_MAIL_SINK``) and ``scripts/create_site.py`` points the site's MailHost at it
(``use_mail_sink``). Production sites keep Plone's MailHost settings and its queue.
"""

from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from plone import api

import mailbox
import os


SINK_ENV = "TWINNING_MAIL_SINK"
DEMO_SENDER = "portal@twinning-demo.example.org"
DEMO_SENDER_NAME = "eTwinning Portal (demo)"


def use_mail_sink(portal, host: str, port: int) -> None:
    """Send the site's mail to the sink at host:port, from the demo's sender address
    (kept when the site already has one)."""
    # Plone's mail settings (the registry): Products.CMFPlone patches zope.sendmail's mailer
    # to read them, whatever the MailHost object holds; the MailHost is kept in step.
    api.portal.set_registry_record("plone.smtp_host", host)
    api.portal.set_registry_record("plone.smtp_port", int(port))
    registry = api.portal.get_tool("portal_registry")
    registry["plone.smtp_userid"] = None  # the sink takes mail from anyone on loopback
    registry["plone.smtp_pass"] = None
    mailhost = api.portal.get_tool("MailHost")
    mailhost.smtp_host = host
    mailhost.smtp_port = int(port)
    if not api.portal.get_registry_record("plone.email_from_address", default=None):
        api.portal.set_registry_record("plone.email_from_address", DEMO_SENDER)
    if not api.portal.get_registry_record("plone.email_from_name", default=None):
        api.portal.set_registry_record("plone.email_from_name", DEMO_SENDER_NAME)


def sink_dir() -> Path | None:
    """The sink's Maildir when this process was started with one (``make run``), else None."""
    value = os.environ.get(SINK_ENV, "").strip()
    return Path(value) if value else None


def caught_mails(directory: Path, limit: int = 100) -> list[dict]:
    """The newest mails of the Maildir: date, sender, recipients, subject, text."""
    box = mailbox.Maildir(directory, factory=None, create=True)
    mails = []
    for key in box.keys():  # noqa: SIM118 - iterating a Maildir gives messages, not keys
        with box.get_file(key) as handle:
            message = BytesParser(policy=policy.default).parse(handle)
        try:
            date = parsedate_to_datetime(message["Date"]) if message["Date"] else None
        except (TypeError, ValueError):
            date = None
        body = message.get_body(preferencelist=("plain", "html"))
        mails.append(
            {
                "key": key,
                "date": date,
                "from": str(message["From"] or ""),
                "to": str(message["To"] or message["X-RcptTo"] or ""),
                "reply_to": str(message["Reply-To"] or ""),
                "subject": str(message["Subject"] or ""),
                "text": body.get_content() if body is not None else "",
            }
        )
    mails.sort(key=lambda mail: (mail["date"] is None, mail["date"] and -mail["date"].timestamp()))
    return mails[:limit]
