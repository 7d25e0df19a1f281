"""Run a system step with Manager rights, in the name of the current user.

Some steps are the system's, not the user's (the automatic ``validate``
transition, granting Teacher, creating a pupil account), yet the workflow
history must name who caused them. ``api.env.adopt_roles`` does not reach
DCWorkflow guards (they read ``getRolesInContext``) and
``api.env.adopt_user(user=...)`` looks the id up again, handing back the real,
unprivileged user; so the step runs as an unrestricted user carrying the
current user's id.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.users import UnrestrictedUser
from contextlib import contextmanager
from plone import api
from zope.globalrequest import getRequest


class _SystemUser(UnrestrictedUser):
    """An unrestricted Manager that answers with the acting user's id
    (UnrestrictedUser's own getId() is None, which the history would record)."""

    def getId(self):
        return self.getUserName()


@contextmanager
def as_system(userid: str | None = None):
    """Manager rights for the block; ``userid`` (default: the current user) acts."""
    userid = userid or api.user.get_current().getId() or "system"
    system = _SystemUser(userid, "", ["Manager"], []).__of__(api.portal.get().acl_users)
    previous = getSecurityManager()
    newSecurityManager(getRequest(), system)
    try:
        yield
    finally:
        setSecurityManager(previous)
