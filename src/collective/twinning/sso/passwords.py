"""Validators and administrators may be required to log in through the provider.

A PAS authentication plugin takes the place of ``source_users`` among the
authenticators and asks it to check the password; when the switch
``sso_only_for_staff`` is on (and the provider configured) it refuses the password
of an account holding one of ``STAFF_ROLES``, whatever the way in: the login form,
HTTP Basic or ``@login``. Sessions made by the provider and JSON Web Tokens are
checked by their own plugins and stay valid.
"""

from AccessControl.class_init import InitializeClass
from collective.twinning import logger
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from collective.twinning.membership.roles import NATIONAL_VALIDATOR
from collective.twinning.sso.settings import sso_settings
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.interface import implementer


GUARD_ID = "twinning_passwords"
PASSWORDS_ID = "source_users"
STAFF_ROLES = frozenset({NATIONAL_VALIDATOR, EUROPEAN_VALIDATOR, "Manager", "Site Administrator"})


def is_staff(pas, userid: str) -> bool:
    """Whether the account holds a staff role, directly or through a group."""
    user = pas.getUserById(userid)
    return user is not None and bool(STAFF_ROLES & set(user.getRoles()))


@implementer(IAuthenticationPlugin)
class PasswordGuard(BasePlugin):
    meta_type = "collective.twinning password guard"

    def __init__(self, id=GUARD_ID, title="Passwords, refused to staff when they must use SSO"):  # noqa: A002 - PAS and PropertyManager name it id
        self._setId(id)
        self.title = title

    def authenticateCredentials(self, credentials):
        pas = self._getPAS()
        passwords = pas._getOb(PASSWORDS_ID, None)
        if passwords is None:
            return None
        result = passwords.authenticateCredentials(credentials)
        if not result:
            return result
        settings = sso_settings()
        if settings.configured and settings.sso_only_for_staff and is_staff(pas, result[0]):
            # Answered as a wrong password (same message, counted by the lockout): nothing
            # tells a guesser that the password was right.
            logger.info("Password of %s refused: staff log in through the identity provider", result[0])
            return None
        return result


InitializeClass(PasswordGuard)


def install_guard(pas) -> PasswordGuard:
    """Put the guard where ``source_users`` authenticates, and deactivate that one."""
    if GUARD_ID not in pas.objectIds():
        pas._setObject(GUARD_ID, PasswordGuard())
    plugins = pas.plugins
    active = list(plugins.listPluginIds(IAuthenticationPlugin))
    if GUARD_ID not in active:
        plugins.activatePlugin(IAuthenticationPlugin, GUARD_ID)
        if PASSWORDS_ID in active:  # the guard answers in its place
            position = active.index(PASSWORDS_ID)
            plugins.movePluginsTop(IAuthenticationPlugin, [GUARD_ID])
            for _ in range(position):
                plugins.movePluginsDown(IAuthenticationPlugin, [GUARD_ID])
    if PASSWORDS_ID in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.deactivatePlugin(IAuthenticationPlugin, PASSWORDS_ID)
    return pas[GUARD_ID]


def remove_guard(pas) -> None:
    """Give ``source_users`` its place back."""
    plugins = pas.plugins
    active = list(plugins.listPluginIds(IAuthenticationPlugin))
    if GUARD_ID in active and PASSWORDS_ID not in active:
        plugins.activatePlugin(IAuthenticationPlugin, PASSWORDS_ID)
        plugins.movePluginsTop(IAuthenticationPlugin, [PASSWORDS_ID])
        for _ in range(active.index(GUARD_ID)):
            plugins.movePluginsDown(IAuthenticationPlugin, [PASSWORDS_ID])
    if GUARD_ID in pas.objectIds():
        pas._delObject(GUARD_ID)
