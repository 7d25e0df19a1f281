"""Relations from profiles and postings to the organisations of the directory."""

from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent


def set_organisation(obj, organisation) -> None:
    """Point ``obj.organisation`` at ``organisation`` (or nothing) and reindex it."""
    obj.organisation = (
        None if organisation is None else RelationValue(getUtility(IIntIds).getId(organisation))
    )
    notify(ObjectModifiedEvent(obj))  # the relation catalog and the indexes follow
