"""Mails through Plone's MailHost. A mail the MailHost refuses as it is handed over never
undoes the action; an SMTP server unreachable at commit does, unless the MailHost queues
mail (README "Notifications")."""

from collective.twinning import logger
from plone import api


def send_mail(userids, subject: str, body: str) -> list[str]:
    """Mail each user who has an e-mail address; return who was mailed."""
    sent = []
    for userid in dict.fromkeys(userids):  # once each, in order
        user = api.user.get(userid=userid)
        email = user.getProperty("email", "") if user is not None else ""
        if not email:
            continue
        try:
            api.portal.send_email(recipient=email, subject=subject, body=body, immediate=False)
        except Exception as error:  # no MailHost configured, bad sender address, ...
            logger.warning("Could not send '%s' to %s: %s", subject, userid, error)
            continue
        sent.append(userid)
    return sent
