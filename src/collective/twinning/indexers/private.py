"""Members-only values never reach the catalog, where anyone may read or query them.

``@search`` returns any metadata column (``metadata_fields=_all``) and accepts a
query on any index to whoever may see the item: a project's public summary
would tell its dates, and ``start``/``end`` queries would answer yes or no about
them. So Plone's indexes and columns of the same names hold nothing for a
TwinSpace's members-only fields (``MEMBERS_ONLY_FIELDS``), and the author
(``Creator``) of a space and of what it holds (a founder's or a pupil's user
id) is not catalogued either: the roster is for the space's members.
"""

from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.content.twinspace import space_of
from plone.indexer import indexer
from zope.interface import Interface


@indexer(ITwinSpace)
def members_only(space):
    """Registered under each name of ``MEMBERS_ONLY_FIELDS``. No value: the catalog leaves the index out and the column empty for a TwinSpace."""
    raise AttributeError("members only")


def _authors(obj) -> tuple:
    if space_of(obj) is not None:
        raise AttributeError("the roster is for the space's members")
    return obj


@indexer(Interface)
def creator(obj):
    """``Creator`` as Plone catalogs it, except in a TwinSpace."""
    return _authors(obj).Creator()


@indexer(Interface)
def list_creators(obj):
    """``listCreators`` as Plone catalogs it, except in a TwinSpace."""
    return _authors(obj).listCreators()
