"""A PAS authentication plugin that locks an account after too many wrong passwords.

First among the site's authentication plugins, it checks every login and
password (the login form, plone.restapi's ``@login``, HTTP Basic auth) with the
plugins after it. After ``max_failures`` wrong passwords in a row for an
existing account, that account's password is not even checked until
``lockout_minutes`` have passed since the last wrong one: the right password is
refused like a wrong one (same answer, so nothing tells the guesser). A right
password before that resets the count; so does a new password (set by the user,
by a password reset, or by an administrator: ``unlock_on_new_password``).

Refused logins end in a 401 whose transaction is aborted, so the count is
written in a transaction of its own (``_write_aside``); every Zope instance
reads the same count from the database. Both numbers are properties of the
plugin (ZMI: acl_users/twinning_login_lockout, Properties).
"""

from AccessControl import ClassSecurityInfo
from AccessControl.class_init import InitializeClass
from BTrees.OOBTree import OOBTree
from collective.twinning import logger
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.permissions import ManageUsers
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from Products.PluggableAuthService.utils import classImplements
from ZODB.POSException import ConflictError

import time
import transaction


PLUGIN_ID = "twinning_login_lockout"
WRITE_ATTEMPTS = 3
REQUEST_KEY = "collective.twinning.lockout.counted"


class LoginLockout(BasePlugin):
    """Refuses the password of an account locked after too many wrong ones."""

    meta_type = "collective.twinning Login Lockout"
    security = ClassSecurityInfo()

    max_failures = 5
    lockout_minutes = 15
    _properties = (
        {"id": "title", "label": "Title", "type": "string", "mode": "w"},
        {
            "id": "max_failures",
            "label": "Wrong passwords in a row that lock an account",
            "type": "int",
            "mode": "w",
        },
        {
            "id": "lockout_minutes",
            "label": "Minutes an account stays locked after its last wrong password",
            "type": "int",
            "mode": "w",
        },
    )

    def __init__(self, id, title=""):  # noqa: A002 - the name Zope and PAS give a plugin's id
        self._setId(id)
        self.title = title
        self._failures = OOBTree()  # login -> (wrong passwords in a row, time of the last)

    # -- IAuthenticationPlugin ------------------------------------------------

    @security.private
    def authenticateCredentials(self, credentials):
        login, password = credentials.get("login"), credentials.get("password")
        if not login or password is None:
            return None  # a token, a session cookie: not a password to guess
        key = self._key(login)
        if self.is_locked(key):
            credentials.clear()  # the plugins after this one see nothing to check
            return None
        result = self._authenticate_with_others(credentials)
        if result is None:
            if self._first_failure_of_request(key) and self._account_exists(key):
                self._write_aside(key, self._count_failure)
            credentials.clear()  # already checked by every other plugin
        elif key in self._failures:
            self._write_aside(key, self._forget)
        return result

    def _authenticate_with_others(self, credentials):
        for plugin_id, plugin in self._getPAS().plugins.listPlugins(IAuthenticationPlugin):
            if plugin_id == self.getId():
                continue
            try:
                result = plugin.authenticateCredentials(credentials)
            except (AttributeError, KeyError, TypeError, ValueError):  # what PAS swallows too
                logger.debug("Authentication plugin %s failed.", plugin_id, exc_info=True)
                continue
            if result is not None:
                return result
        return None

    # -- the counts -----------------------------------------------------------

    def _first_failure_of_request(self, key: str) -> bool:
        """One wrong password counts once: ``@login`` checks it twice (its JWT
        plugin's extraction, then the service itself)."""
        request = getattr(self, "REQUEST", None)
        if request is None:
            return True
        counted = request.other.setdefault(REQUEST_KEY, set())
        if key in counted:
            return False
        counted.add(key)
        return True

    def _key(self, login: str) -> str:
        return self._getPAS().applyTransform(login)

    def _account_exists(self, login: str) -> bool:
        pas = self._getPAS()
        return pas._verifyUser(pas.plugins, login=login) is not None

    def _window(self) -> float:
        return max(self.lockout_minutes, 0) * 60

    @security.private
    def failures(self, login: str) -> int:
        """Wrong passwords in a row that still count (none once the window has passed)."""
        count, last = self._failures.get(self._key(login), (0, 0.0))
        return count if time.time() - last < self._window() else 0

    @security.private
    def is_locked(self, login: str) -> bool:
        return self.failures(login) >= max(self.max_failures, 1)

    def _count_failure(self, failures, key: str) -> None:
        count, last = failures.get(key, (0, 0.0))
        now = time.time()
        if now - last >= self._window():
            count = 0
        failures[key] = (count + 1, now)
        if count + 1 >= self.max_failures:
            logger.warning("Login %r locked after %d wrong passwords.", key, count + 1)

    def _forget(self, failures, key: str) -> None:
        failures.pop(key, None)

    def _write_aside(self, key: str, change) -> None:
        """Apply ``change(failures, key)`` and commit it in a transaction of its own."""
        jar, oid = self._failures._p_jar, self._failures._p_oid
        if jar is None or oid is None:  # made in this very transaction
            change(self._failures, key)
            return
        manager = transaction.TransactionManager()
        connection = jar.db().open(transaction_manager=manager)
        try:
            for _attempt in range(WRITE_ATTEMPTS):
                manager.begin()
                try:
                    change(connection.get(oid), key)
                    manager.commit()
                    return
                except ConflictError:
                    manager.abort()
            logger.warning("Could not record a login attempt of %r.", key)
        finally:
            manager.abort()
            connection.close()

    @security.protected(ManageUsers)
    def unlock(self, login: str) -> None:
        """Forget the wrong passwords of ``login`` (an administrator's unlock)."""
        key = self._key(login)
        if key in self._failures:
            self._write_aside(key, self._forget)

    @security.protected(ManageUsers)
    def locked_logins(self) -> list[str]:
        return [login for login in self._failures if self.is_locked(login)]


classImplements(LoginLockout, IAuthenticationPlugin)
InitializeClass(LoginLockout)
