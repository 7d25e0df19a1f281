"""The items and people of an archive, checked for shape and place before anything is made.

Every refusal is a 400 on ``body`` naming the archive member and the item's path.
"""

from collective.twinning import _
from collective.twinning.errors import Conflict
from collective.twinning.exportimport.archive import ArchiveReader
from collective.twinning.exportimport.archive import MAX_MEMBERS
from collective.twinning.exportimport.archive import refuse
from collective.twinning.security import as_system
from dataclasses import dataclass
from plone import api
from plone.base.interfaces.constrains import ISelectableConstrainTypes

import re


ROOT_TYPE = "TwinSpace"
UID = re.compile(r"^[0-9a-f]{32}$")  # Plone's UIDs: uuid4 as 32 hex digits
RECORD_KEYS = {"path": str, "id": str, "portal_type": str, "UID": str, "fields": dict}
SPACE_DATA = "space.json"


def invalid(where: str, detail: str):
    """The 400 for a malformed part of the archive: where it is, what is wrong."""
    return refuse(_("${where} is not valid: ${detail}.", mapping={"where": where, "detail": detail}))


@dataclass
class Item:
    """One ``items/NNNNNN.json`` record of the archive."""

    member: str
    data: dict

    @property
    def path(self) -> str:
        return self.data["path"]

    @property
    def parent_path(self) -> str:
        return self.path.rpartition("/")[0]

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def portal_type(self) -> str:
        return self.data["portal_type"]

    @property
    def uid(self) -> str:
        return self.data["UID"]

    @property
    def fields(self) -> dict:
        return self.data["fields"]

    def where(self, key: str | None = None) -> str:
        place = f"{self.member} ({self.path or 'the space'})"
        return f"{place} {key}" if key else place

    def strings(self, key: str) -> list[str]:
        """A list of user ids (``creators``), or 400."""
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise invalid(self.where(key), "a list of user ids is expected")
        return value


def _check_shape(member: str, data) -> Item:
    if not isinstance(data, dict):
        raise invalid(member, "an item is a JSON object")
    for key, kind in RECORD_KEYS.items():
        if not isinstance(data.get(key), kind):
            raise invalid(member, f"no valid '{key}'")
    item = Item(member, data)
    if not UID.match(item.uid):
        raise invalid(item.where("UID"), "a UID is 32 hexadecimal digits")
    if not item.id or (item.path and item.path.rpartition("/")[2] != item.id):
        raise invalid(item.where("path"), "the path does not end with the item's id")
    return item


def read_items(reader: ArchiveReader) -> list[Item]:
    names = reader.manifest.get("items")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise invalid("manifest.json items", "the manifest lists no items")
    if len(names) > MAX_MEMBERS or len(set(names)) != len(names):
        raise invalid("manifest.json items", "items are listed twice, or too many")
    items = [_check_shape(name, reader.json(name)) for name in names]
    if items[0].portal_type != ROOT_TYPE or items[0].path != "":
        raise invalid(items[0].member, "the archive does not start with a TwinSpace")
    paths = {""}
    for item in items[1:]:
        if item.path in paths or item.path == "":
            raise invalid(item.where("path"), "the same path twice")
        if item.parent_path not in paths:
            raise invalid(item.where("path"), "the item comes before its parent")
        paths.add(item.path)
    uids = [item.uid for item in items]
    if len(set(uids)) != len(uids):
        raise invalid("manifest.json items", "the same UID twice")
    return items


def check_types(container, items: list[Item]) -> None:
    """Each item is of a type its container allows (the space's allowed types, and so on down)."""
    types_tool = api.portal.get_tool("portal_types")
    with as_system():  # the folder's constraint, not the user's add rights
        allowed_here = ISelectableConstrainTypes(container).getLocallyAllowedTypes()
    type_of = {"": ROOT_TYPE}
    if ROOT_TYPE not in allowed_here:
        raise _not_allowed(items[0], container.portal_type, ROOT_TYPE)
    for item in items[1:]:
        container_type = type_of[item.parent_path]
        container_info = types_tool.getTypeInfo(container_type)
        if types_tool.getTypeInfo(item.portal_type) is None or not container_info.allowType(item.portal_type):
            raise _not_allowed(item, container_type, item.portal_type)
        type_of[item.path] = item.portal_type


def _not_allowed(item: Item, container_type: str, portal_type: str):
    return refuse(
        _(
            "${where}: a ${container} may not hold a ${type}.",
            mapping={"where": item.where(), "container": container_type, "type": portal_type},
        )
    )


def check_new(container, items: list[Item]) -> None:
    """409 when the space or one of its items is already on this site."""
    if items[0].id in container.objectIds():
        raise Conflict(f"{container.absolute_url()}/{items[0].id} is already on this site.")
    catalog = api.portal.get_tool("portal_catalog")
    for item in items:
        if catalog.unrestrictedSearchResults(UID=item.uid):
            raise Conflict(f"{item.uid} ({item.path or 'the space'}) is already on this site.")


@dataclass
class SpaceData:
    """``space.json``: the roster (user, role) and the pupils (id, full name)."""

    roster: list[tuple[str, str]]
    pupils: dict[str, str]


def read_space_data(reader: ArchiveReader) -> SpaceData:
    data = reader.json(SPACE_DATA) if SPACE_DATA in reader.names else {}
    if not isinstance(data, dict):
        raise invalid(SPACE_DATA, "not a JSON object")
    roster, pupils = data.get("roster") or [], data.get("pupils") or []
    if not isinstance(roster, list) or not all(
        isinstance(e, dict) and isinstance(e.get("user"), str) and isinstance(e.get("role"), str)
        for e in roster
    ):
        raise invalid(f"{SPACE_DATA} roster", "a list of {user, role} is expected")
    if not isinstance(pupils, list) or not all(
        isinstance(p, dict) and isinstance(p.get("id"), str) and isinstance(p.get("fullname", ""), str)
        for p in pupils
    ):
        raise invalid(f"{SPACE_DATA} pupils", "a list of {id, fullname} is expected")
    return SpaceData(
        roster=[(entry["user"], entry["role"]) for entry in roster],
        pupils={pupil["id"]: pupil.get("fullname", "") for pupil in pupils},
    )
