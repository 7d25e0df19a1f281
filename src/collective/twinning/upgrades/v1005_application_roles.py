"""1004 → 1005: a School label application no longer inherits its call's local roles.

The validator who created a call (or the European service, for every country) is Owner of the
call, and applications inherited that role: they read, edited and deleted every school's draft.
Each application now blocks the call's local roles (its applicant's Owner and the Reviewer of its
country's validators are given on it); this sets the block on the applications made before.
"""

from collective.twinning import logger
from plone import api


def upgrade(setup_tool=None) -> None:
    count = 0
    # every application, whoever may see it: an upgrade step run by an administrator, no user-facing result
    for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="SchoolLabelApplication"
    ):
        application = brain._unrestrictedGetObject()
        application.__ac_local_roles_block__ = True
        application.reindexObjectSecurity()
        count += 1
    logger.info("%d School label applications: the call's local roles stop at them.", count)
