"""Upgrade step (version assigned by the lead): take members-only values out of the catalog.

A TwinSpace's members-only fields (``start``, ``end``: Plone's own indexes and
columns) and the authors of a space and of its content (``Creator``,
``listCreators``) were catalogued; reindexing drops them (``indexers/private.py``).
No profile file changes.
"""

from collective.twinning import logger
from plone import api


# A date index keeps its old value when the new one is missing: these are emptied first.
DATE_INDEXES = ("start", "end")


def upgrade(setup_tool=None) -> None:
    catalog = api.portal.get_tool("portal_catalog")
    indexes = [catalog._catalog.getIndex(name) for name in DATE_INDEXES if name in catalog.indexes()]
    count = 0
    for space_brain in catalog.unrestrictedSearchResults(portal_type="TwinSpace"):
        for brain in catalog.unrestrictedSearchResults(path=space_brain.getPath()):
            if brain.portal_type == "TwinSpace":
                for index in indexes:
                    index.unindex_object(brain.getRID())
            obj = brain._unrestrictedGetObject()
            # ``Creator`` again, and every metadata column (``start``, ``end``, ``listCreators``).
            catalog.catalog_object(obj, brain.getPath(), idxs=["Creator"], update_metadata=True)
            count += 1
    logger.info("Took members-only values of %d items in spaces out of the catalog.", count)
