"""Run a system step with Manager rights, in the name of the current user.

Some steps are the system's, not the user's (the automatic ``validate``
transition, granting Teacher, creating a pupil account), yet the workflow
history must name who caused them. ``api.env.adopt_roles`` does not reach
DCWorkflow guards (they read ``getRolesInContext``), so the step runs as an
unrestricted user carrying the current user's id.
"""

from AccessControl.User import UnrestrictedUser
from contextlib import contextmanager
from plone import api


@contextmanager
def as_system():
    userid = api.user.get_current().getId() or "system"
    system = UnrestrictedUser(userid, "", ["Manager"], []).__of__(api.portal.get().acl_users)
    with api.env.adopt_user(user=system):
        yield
