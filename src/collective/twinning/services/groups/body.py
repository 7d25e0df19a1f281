"""The @groups POST and PATCH bodies, checked before plone.restapi applies them (it answers
500 to some values of the wrong type and stores unknown roles, groups and accounts without
a word)."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.errors import unknown_value
from collective.twinning.membership.principals import is_reserved
from plone import api


def _strings(data: dict, name: str) -> list[str]:
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FieldError(name, _("${name}: give a list of strings.", mapping={"name": name}))
    return value


def _check_principal(principal_id: str) -> None:
    if api.user.get(userid=principal_id) is None and api.group.get(groupname=principal_id) is None:
        raise unknown_value("users", principal_id)


def _check_common(data: dict) -> None:
    """Texts are strings; roles and groups exist."""
    for name in ("title", "description", "email"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise FieldError(name, _("${name}: give a string.", mapping={"name": name}))
    known_roles = set(api.portal.get_tool("acl_users").portal_role_manager.listRoleIds())
    for role in _strings(data, "roles"):
        if role not in known_roles:
            raise unknown_value("roles", role)
    for group_id in _strings(data, "groups"):
        if is_reserved(group_id) or api.group.get(groupname=group_id) is None:
            raise unknown_value("groups", group_id)


def check_group_change(data: dict) -> None:
    """PATCH: raise 400 naming the first wrong field; ``users`` maps existing accounts or
    groups to true (add) or false (remove)."""
    _check_common(data)
    users = data.get("users", {})
    if not isinstance(users, dict):
        raise FieldError("users", _("users: give an object of user ids to true (add) or false (remove)."))
    for principal_id, add in users.items():
        if not isinstance(add, bool):
            raise FieldError(
                "users",
                _("${param}: '${value}' is not valid.", mapping={"param": "users", "value": principal_id}),
            )
        _check_principal(principal_id)


def check_new_group(data: dict) -> None:
    """POST: raise 400 naming the first wrong field; ``groupname`` is a string (plone.restapi
    checks the rest of it), ``users`` a list of existing accounts or groups."""
    if data.get("groupname") is not None and not isinstance(data["groupname"], str):
        raise FieldError("groupname", _("${name}: give a string.", mapping={"name": "groupname"}))
    if data.get("groupname") and is_reserved(data["groupname"]):
        raise FieldError(
            "groupname", _("The name '${name}' is reserved.", mapping={"name": data["groupname"]})
        )
    _check_common(data)
    for principal_id in _strings(data, "users"):
        _check_principal(principal_id)
