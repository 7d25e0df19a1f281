"""Run a system step with Manager rights, in the name of the current user.

Some steps are the system's, not the user's (the automatic ``validate``
transition, granting Teacher, creating a pupil account), yet the workflow
history must name who caused them. ``api.env.adopt_roles`` does not reach
DCWorkflow guards (they read ``getRolesInContext``), so the step runs as an
unrestricted user carrying the current user's id.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.User import UnrestrictedUser
from contextlib import contextmanager
from plone import api
from zope.globalrequest import getRequest


@contextmanager
def as_system():
    # Not api.env.adopt_user(user=...): it looks the id up again in acl_users
    # and would hand back the real, unprivileged user.
    userid = api.user.get_current().getId() or "system"
    system = UnrestrictedUser(userid, "", ["Manager"], []).__of__(api.portal.get().acl_users)
    previous = getSecurityManager()
    newSecurityManager(getRequest(), system)
    try:
        yield
    finally:
        setSecurityManager(previous)
