"""Asking for a password reset answers the same for any login, and never 500.

Plone's ``mail_password`` form and plone.restapi's
``POST @users/<login>/reset-password`` told a missing account (404, "could not
be found") from an existing one, an account without e-mail from one with, and
answered 500 when the mail server refused the connection. The mail is now sent
at once inside a guard: whatever goes wrong for this one login is logged, and
the visitor gets the answer of a mail sent.
"""

from collective.twinning import logger
from plone import api
from Products.CMFPlone.browser.login.mail_password import MailPasswordView
from smtplib import SMTPException
from zExceptions import Unauthorized
from zope.component import getMultiAdapter


# What can go wrong for one login: unknown, no e-mail, may not set a password, mail refused.
PER_LOGIN_ERRORS = (ValueError, Unauthorized, SMTPException, OSError)


def mail_reset_quietly(login: str, request) -> None:
    """Mail ``login`` a reset link if it is an account that may have one; tell nobody which."""
    registration = api.portal.get_tool("portal_registration")
    if not api.user.has_permission("Mail forgotten password", obj=registration):
        raise Unauthorized("Mailing forgotten passwords has been disabled.")  # the same for all
    try:
        registration.mailPassword(login, request, immediate=True)
    except PER_LOGIN_ERRORS as error:
        logger.info("No password reset mail for %r: %s", login, error)


class QuietMailPasswordView(MailPasswordView):
    """Plone's ``mail_password`` (the Classic form's action), on the add-on's layer."""

    def __call__(self):
        registration = api.portal.get_tool("portal_registration")
        mail_reset_quietly(self.request.form.get("userid", ""), self.request)
        response = getMultiAdapter((registration, self.request), name="mail_password_response")
        return response(registration, self.request)
