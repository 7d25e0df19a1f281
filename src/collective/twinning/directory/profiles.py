"""Teacher profiles in /people, kept in step with the accounts.

An account that holds the global role Teacher (directly or through a group) and
is no pupil has a visible profile whose id is its user id; the profile's full
name and country are copied from the account. When the role goes the profile
is hidden (the teacher's answers are kept for a later validation); when the
account goes it is deleted. ``sync_profile`` is called wherever Plone tells us
something changed (see subscribers.directory and teachers.requests.decide);
Roles granted to an account or a group send no event: the services and Classic UI
pages that grant them (``@users``, ``@groups``, the Users and Groups control panels)
sync the accounts concerned (``sync_profiles``, ``group_member_ids``);
``sync_all_profiles`` repairs the lot after role changes made elsewhere (the ZMI).
"""

from collective.twinning import logger
from collective.twinning.membership.members import is_pupil_account
from collective.twinning.membership.roles import TEACHER
from collective.twinning.security import as_system
from plone import api


PEOPLE = "people"
AMBASSADOR = "Ambassador"  # the global role behind the profile's ambassador flag
PROFILE_TYPE = "TeacherProfile"
VISIBLE, HIDDEN = "visible", "hidden"


def people_folder():
    return api.portal.get().get(PEOPLE)


def get_profile(userid: str):
    """The profile of ``userid``, whoever asks (for the sync, never shown)."""
    folder = people_folder()
    if folder is None:
        return None
    return folder._getOb(userid, None)


def is_listed_teacher(user) -> bool:
    return TEACHER in api.user.get_roles(user=user) and not is_pupil_account(user)


def _copy_account(profile, user) -> bool:
    """Full name, country and the ambassador flag (the role Ambassador) come from the
    account; True when something changed."""
    fullname = user.getProperty("fullname", "") or user.getId()
    country = user.getProperty("country", "") or None
    ambassador = AMBASSADOR in api.user.get_roles(user=user)
    changed = (profile.fullname, profile.country, bool(profile.ambassador)) != (fullname, country, ambassador)
    profile.fullname, profile.country, profile.ambassador = fullname, country, ambassador
    return changed


def _create(folder, user):
    userid = user.getId()
    profile = api.content.create(container=folder, type=PROFILE_TYPE, id=userid, safe_id=False)
    _copy_account(profile, user)
    # The teacher owns (and so edits) their profile; the system made it.
    profile.changeOwnership(user.getUser() if hasattr(user, "getUser") else user)
    profile.manage_setLocalRoles(userid, ["Owner"])
    profile.setCreators([userid])
    profile.reindexObject()  # every index, allowedRolesAndUsers included
    return profile


def _set_state(profile, state: str) -> None:
    if api.content.get_state(obj=profile) != state:
        api.content.transition(obj=profile, transition="show" if state == VISIBLE else "hide")


def remove_profile(userid: str) -> None:
    profile = get_profile(userid)
    if profile is not None:
        with as_system():
            api.content.delete(obj=profile, check_linkintegrity=False)


def sync_profile(userid: str):
    """Create, update, show or hide the profile of ``userid``; return it (or None)."""
    folder = people_folder()
    if folder is None:  # the add-on is not installed (or being uninstalled)
        return None
    user = api.user.get(userid=userid)
    if user is None:
        remove_profile(userid)
        return None
    profile = get_profile(userid)
    listed = is_listed_teacher(user)
    if profile is None and not listed:
        return None
    with as_system():
        if profile is None:
            profile = _create(folder, user)
            logger.info("Created the teacher profile of %s.", userid)
        elif _copy_account(profile, user):
            profile.reindexObject()
        _set_state(profile, VISIBLE if listed else HIDDEN)
    return profile


def sync_profiles(userids) -> int:
    """sync_profile of each account; return how many."""
    userids = sorted(set(userids))
    for userid in userids:
        sync_profile(userid)
    return len(userids)


def group_member_ids(group_id: str) -> set[str]:
    """The accounts in a group, through the groups nested in it: the ones whose roles
    change with the group's."""
    groups_tool = api.portal.get_tool("portal_groups")
    users, seen, waiting = set(), {group_id}, [group_id]
    while waiting:
        for member_id in groups_tool.getGroupMembers(waiting.pop()):
            if groups_tool.getGroupById(member_id) is None:
                users.add(member_id)
            elif member_id not in seen:
                seen.add(member_id)
                waiting.append(member_id)
    return users


def sync_all_profiles() -> int:
    """Sync every account with a profile or the Teacher role; return how many were looked at."""
    folder = people_folder()
    if folder is None:
        return 0
    userids = set(folder.objectIds())
    userids.update(user.getId() for user in api.user.get_users() if is_listed_teacher(user))
    return sync_profiles(userids)
