"""What the catalog knows of a Group's roster and invitations."""

from collective.twinning.content.group import IGroup
from collective.twinning.membership.roster import GroupRoster
from plone.indexer import indexer


@indexer(IGroup)
def group_members(group):
    """The user ids of the group's members (its creator included)."""
    return [userid for userid, _role in GroupRoster(group).items()]


@indexer(IGroup)
def group_invited(group):
    """The user ids invited to join the group (clean-up when an account goes)."""
    return [invitation["id"] for invitation in GroupRoster(group).invitations()]
