"""Which places each user is in: the BTrees of the add-on's PAS plugin, kept by the rosters.

Writing here changes the user's group principals (``pas.plugin``), never the
catalog. Keys are (userid, place UID) and (place UID, userid): people joining at
the same time write different keys, which ZODB's BTree conflict resolution merges.
"""

from collective.twinning.membership.principals import place_group_id
from collective.twinning.pas.plugin import LAST
from collective.twinning.pas.plugin import PLUGIN_ID
from plone import api


def _plugin():
    return api.portal.get_tool("acl_users")[PLUGIN_ID]


def record(place, userid: str, role: str) -> None:
    """``userid`` holds ``role`` in ``place`` (its group principal for that role)."""
    plugin, uid = _plugin(), place.UID()
    if plugin.by_place.get((uid, userid)) != role:
        plugin.by_place[(uid, userid)] = role
        plugin.by_user[(userid, uid)] = place_group_id(place, role)


def forget(place, userid: str) -> None:
    plugin, uid = _plugin(), place.UID()
    if (uid, userid) in plugin.by_place:
        del plugin.by_place[(uid, userid)]
        del plugin.by_user[(userid, uid)]


def members(place) -> dict[str, str]:
    """userid → role of everyone the index holds for ``place``."""
    uid = place.UID()
    return {key[1]: role for key, role in _plugin().by_place.items(min=(uid, ""), max=(uid, LAST))}


def sync_place(place, wanted: dict[str, str]) -> None:
    """Make the index hold exactly ``wanted`` (userid → role) for ``place``."""
    for userid in set(members(place)) - set(wanted):
        forget(place, userid)
    for userid, role in wanted.items():
        record(place, userid, role)


def place_uids(userid: str) -> list[str]:
    """The UIDs of the places ``userid`` is in (for listings, filtered by the catalog)."""
    return [key[1] for key in _plugin().by_user.keys(min=(userid, ""), max=(userid, LAST))]


def places_of(userids) -> dict[str, list[str]]:
    """``place_uids`` of each user, the plugin looked up once (the School label counts 200 teachers)."""
    by_user = _plugin().by_user
    return {
        userid: [key[1] for key in by_user.keys(min=(userid, ""), max=(userid, LAST))] for userid in userids
    }


def invite(place, userid: str) -> None:
    _plugin().invited[(userid, place.UID())] = True


def uninvite(place, userid: str) -> None:
    invited = _plugin().invited
    if (userid, place.UID()) in invited:
        del invited[(userid, place.UID())]


def invited_uids(userid: str) -> list[str]:
    return [key[1] for key in _plugin().invited.keys(min=(userid, ""), max=(userid, LAST))]


def find_places(userid: str, portal_type: str, **query) -> list:
    """Catalog brains of the places of ``portal_type`` that ``userid`` is in and the viewer may see."""
    uids = place_uids(userid)
    return api.content.find(portal_type=portal_type, UID=uids, **query) if uids else []
