"""Partner founders of record (content.founders): every existing TwinSpace gets its own.

Not a profile change: no GenericSetup step runs. Spaces made before this release have no
record; their first announced change would be taken as the record instead of being checked.
"""

from collective.twinning.content.founders import has_record
from collective.twinning.content.founders import record_cofounder
from plone import api


def upgrade(setup_tool=None) -> int:
    """Record the partner founder of each TwinSpace lacking one; return how many."""
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    # Maintenance of stored data, never shown to anyone: every space counts.
    for brain in catalog.unrestrictedSearchResults(portal_type="TwinSpace"):
        space = brain._unrestrictedGetObject()
        if not has_record(space):
            record_cofounder(space)
            count += 1
    return count
