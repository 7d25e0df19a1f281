"""What the catalog knows of a TwinSpace's roster."""

from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.membership.roster import Roster
from plone.indexer import indexer


@indexer(ITwinSpace)
def twinspace_members(space):
    """The user ids of the space's members (founders included)."""
    return [userid for userid, _role in Roster(space).items()]
