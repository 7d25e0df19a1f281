"""What only an administrator's import restores: states and history, owner, local roles, annotations, dates.

Everything is decoded and checked (``read_metadata``) before the first object is
made; ``restore_metadata`` then applies it. Even a restore never gives a role
that neither the sharing page nor the rosters give: local roles come back only
as Reader, Editor or Contributor, Owner only for the recorded owner, roster
roles only through the roster, and only for principals of this site.
"""

from BTrees.OOBTree import OOBTree
from collective.twinning import _
from collective.twinning.audit import AuditLog
from collective.twinning.exportimport.archive import refuse
from collective.twinning.exportimport.codec import CodecError
from collective.twinning.exportimport.codec import decode
from collective.twinning.exportimport.records import invalid
from collective.twinning.exportimport.records import Item
from collective.twinning.membership.roles import GROUP_ROLES
from collective.twinning.membership.roles import LOCAL_ROLES
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


# Plone's sharing page roles, less Reviewer (here: the validators of the project's countries).
RESTORABLE_LOCAL_ROLES = frozenset({"Reader", "Editor", "Contributor"})
ROSTER_ROLES = frozenset(LOCAL_ROLES) | frozenset(GROUP_ROLES)  # the roster gives them, not the archive
OWNER = "Owner"
# The add-on's annotations an export carries, and what each must hold.
RESTORED_ANNOTATIONS = {
    "collective.twinning.audit": AuditLog,  # the space's audit log
    "collective.twinning.validation": OOBTree,  # the validation decisions
    "collective.twinning.evaluation": PersistentMapping,  # a label's evaluation
}
DATES = (
    ("creation_date", "created"),
    ("modification_date", "modified"),
    ("effective_date", "effective"),
    ("expiration_date", "expires"),
)
ENTRY_VALUES = (str, int, float, bool, type(None), DateTime)


@dataclass
class Metadata:
    history: PersistentMapping
    creators: list[str]
    owner: str | None
    local_roles: dict[str, list[str]]
    annotations: dict = field(default_factory=dict)
    dates: dict = field(default_factory=dict)


def _decoded(item: Item, key: str, default=None):
    if item.data.get(key) is None:
        return default
    try:
        return decode(item.data[key])
    except CodecError as error:
        raise invalid(item.where(key), str(error)) from None


def _history(item: Item) -> PersistentMapping:
    """The workflow history: for the type's own workflows, entries in their states."""
    history = _decoded(item, "workflow_history", {})
    if not isinstance(history, dict):
        raise invalid(item.where("workflow_history"), "a mapping of workflows is expected")
    workflow_tool = api.portal.get_tool("portal_workflow")
    chain = workflow_tool.getChainForPortalType(item.portal_type)
    restored = PersistentMapping()
    for workflow_id, entries in history.items():
        if workflow_id not in chain:
            raise invalid(
                item.where("workflow_history"), f"{workflow_id!r} is no workflow of a {item.portal_type}"
            )
        states = workflow_tool[workflow_id].states.objectIds()
        if not isinstance(entries, (tuple, list)):
            raise invalid(item.where("workflow_history"), "a workflow's history is a list of entries")
        for entry in entries:
            if (
                not isinstance(entry, dict)
                or entry.get("review_state") not in states
                or not isinstance(entry.get("time"), DateTime)
                or not all(isinstance(k, str) and isinstance(v, ENTRY_VALUES) for k, v in entry.items())
            ):
                raise invalid(
                    item.where("workflow_history"), f"an entry is not a state of {workflow_id} at a time"
                )
        restored[workflow_id] = tuple(dict(entry) for entry in entries)
    return restored


def _annotations(item: Item) -> dict:
    value = item.data.get("annotations") or {}
    if not isinstance(value, dict):
        raise invalid(item.where("annotations"), "a mapping is expected")
    annotations = {}
    for key, encoded in value.items():
        kind = RESTORED_ANNOTATIONS.get(key)
        if kind is None:
            raise invalid(item.where("annotations"), f"{key!r} is no annotation an export carries")
        try:
            decoded = decode(encoded)
        except CodecError as error:
            raise invalid(item.where(f"annotations {key}"), str(error)) from None
        if not isinstance(decoded, kind):
            raise invalid(item.where(f"annotations {key}"), f"a {kind.__name__} is expected")
        annotations[key] = decoded
    return annotations


def _exists(principal: str) -> bool:
    return api.user.get(userid=principal) is not None or api.group.get(groupname=principal) is not None


def _local_roles(item: Item, owner: str | None) -> dict[str, list[str]]:
    value = item.data.get("local_roles") or {}
    if not isinstance(value, dict) or not all(
        isinstance(roles, list) and all(isinstance(r, str) for r in roles) for roles in value.values()
    ):
        raise invalid(item.where("local_roles"), "a mapping of principals to roles is expected")
    restored = {}
    for principal, roles in value.items():
        kept = []
        for role in roles:
            if role in ROSTER_ROLES:
                continue  # the roster gives them, checked
            if role in RESTORABLE_LOCAL_ROLES or (role == OWNER and principal == owner):
                kept.append(role)
                continue
            raise refuse(
                _(
                    "${where}: the role ${role} cannot be restored for ${principal}.",
                    mapping={"where": item.where("local_roles"), "role": role, "principal": principal},
                )
            )
        # Roles of principals unknown here are dropped: whoever registers that id later gets nothing.
        if kept and _exists(principal):
            restored[principal] = kept
    return restored


def read_metadata(item: Item) -> Metadata:
    """Everything of the item an administrator's import restores, decoded and checked."""
    owner = item.data.get("owner")
    if owner is not None and not isinstance(owner, str):
        raise invalid(item.where("owner"), "a user id is expected")
    dates = {}
    for attribute, key in DATES:
        moment = _decoded(item, key)
        if moment is not None and not isinstance(moment, DateTime):
            raise invalid(item.where(key), "a date is expected")
        dates[attribute] = moment
    return Metadata(
        history=_history(item),
        creators=item.strings("creators"),
        owner=owner if owner and api.user.get(userid=owner) is not None else None,
        local_roles=_local_roles(item, owner),
        annotations=_annotations(item),
        dates=dates,
    )


def set_local_roles(obj, local_roles: dict[str, list[str]]) -> None:
    """Exactly these local roles (those the system's creation gave are removed)."""
    current = [principal for principal, _roles in obj.get_local_roles()]
    if current:
        obj.manage_delLocalRoles(current)
    for principal, roles in local_roles.items():
        obj.manage_setLocalRoles(principal, roles)


def restore_metadata(obj, metadata: Metadata) -> None:
    obj.workflow_history = metadata.history
    for key, value in metadata.annotations.items():
        IAnnotations(obj)[key] = value
    if metadata.creators:
        obj.setCreators(metadata.creators)
    if metadata.owner:
        obj.changeOwnership(api.user.get(userid=metadata.owner).getUser())
    set_local_roles(obj, metadata.local_roles)
    for attribute, moment in metadata.dates.items():
        if moment is not None:
            setattr(obj, attribute, moment)
    for workflow in api.portal.get_tool("portal_workflow").getWorkflowsFor(obj):
        workflow.updateRoleMappingsFor(obj)
