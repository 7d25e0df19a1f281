"""1001 → 1002: roster roles through group principals; validators by role and country.

Installs the add-on's PAS plugin, fills its index from every roster (founders and
invitations included), drops the catalog indexes that listed members, and
reindexes the security of every place once (its local roles now go to its group
principals). Members of the old ``validators-CC`` groups without a country get CC:
they keep validating that country (their role comes from the group as before).
"""

from collective.twinning import logger
from collective.twinning.membership import index
from collective.twinning.membership.roster import GroupRoster
from collective.twinning.membership.roster import roster_of
from collective.twinning.pas.setup import install_plugin
from plone import api


OLD_INDEXES = ("twinspace_members", "group_members", "group_invited")
OLD_VALIDATOR_GROUP = "validators-"


def _places() -> list:
    catalog = api.portal.get_tool("portal_catalog")
    return [
        b._unrestrictedGetObject()
        for b in catalog.unrestrictedSearchResults(portal_type=["TwinSpace", "Group"])
    ]


def migrate_rosters() -> int:
    places = _places()
    for place in places:
        roster = roster_of(place)
        roster.sync_index()
        if isinstance(roster, GroupRoster):
            for invitation in roster.invitations():
                index.invite(place, invitation["id"])
        place.reindexObjectSecurity()
    return len(places)


def drop_member_indexes() -> None:
    catalog = api.portal.get_tool("portal_catalog")
    for name in OLD_INDEXES:
        if name in catalog.indexes():
            catalog.delIndex(name)


def country_for_old_validators() -> None:
    for group in api.group.get_groups():
        group_id = group.getId()
        if not group_id.startswith(OLD_VALIDATOR_GROUP):
            continue
        country = group_id[len(OLD_VALIDATOR_GROUP) :]
        for user in api.user.get_users(group=group):
            current = user.getProperty("country", "")
            if not current:
                user.setMemberProperties({"country": country})
            elif current != country:
                logger.warning(
                    "%s is in %s but its country is %s: it validates %s.",
                    user.getId(),
                    group_id,
                    current,
                    current,
                )


def upgrade(setup_tool=None) -> None:
    install_plugin(api.portal.get())
    country_for_old_validators()
    drop_member_indexes()
    logger.info("Membership index: %d spaces and groups.", migrate_rosters())
