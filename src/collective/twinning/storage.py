"""An OOBTree kept in an object's annotations, made on first write."""

from BTrees.OOBTree import OOBTree
from zope.annotation.interfaces import IAnnotations


def annotation_btree(context, key: str, create: bool = False) -> OOBTree:
    """The BTree under ``key``; a new empty one (not stored) when missing and not ``create``."""
    annotations = IAnnotations(context)
    if key not in annotations:
        if not create:
            return OOBTree()
        annotations[key] = OOBTree()
    return annotations[key]
