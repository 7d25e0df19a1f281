"""``@import``: recreate an exported TwinSpace, UIDs, states and history included.

Everything is checked before the first object is made (BadRequest, or
HTTPConflict when a UID is already on this site); anything going wrong later
raises too, so the request's transaction is aborted and nothing is left.
"""

from collective.twinning.exportimport.archive import ArchiveReader
from collective.twinning.exportimport.codec import CodecError
from collective.twinning.exportimport.codec import decode
from collective.twinning.exportimport.fields import import_value
from collective.twinning.exportimport.fields import is_relation
from collective.twinning.exportimport.fields import schema_fields
from collective.twinning.membership.members import PUPIL_PROPERTY
from collective.twinning.membership.roles import PUPIL_ROLE
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import founders
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from DateTime import DateTime
from persistent.mapping import PersistentMapping
from plone import api
from plone.dexterity.utils import addContentToContainer
from plone.dexterity.utils import createContent
from plone.uuid.interfaces import ATTRIBUTE_NAME
from z3c.relationfield import RelationValue
from z3c.relationfield.event import updateRelations
from zExceptions import BadRequest
from collective.twinning.errors import Conflict
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.schema import ValidationError

import secrets


ROOT_TYPE = "TwinSpace"
RECORD_KEYS = {"path": str, "id": str, "portal_type": str, "UID": str, "fields": dict}


def _check_record(number: int, record) -> dict:
    if not isinstance(record, dict):
        raise BadRequest(f"body: item {number} is not an object.")
    for key, kind in RECORD_KEYS.items():
        if not isinstance(record.get(key), kind):
            raise BadRequest(f"body: item {number} has no valid '{key}'.")
    return record


def read_records(reader: ArchiveReader) -> list[dict]:
    names = reader.manifest.get("items")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise BadRequest("body: the manifest lists no items.")
    records = [_check_record(n, reader.json(name)) for n, name in enumerate(names)]
    if records[0]["portal_type"] != ROOT_TYPE or records[0]["path"] != "":
        raise BadRequest("body: the archive does not start with a TwinSpace.")
    allowed = set(api.portal.get_tool("portal_types").objectIds())
    paths = set()
    for record in records[1:]:
        parent = record["path"].rpartition("/")[0]
        if parent and parent not in paths:
            raise BadRequest(f"body: {record['path']} comes before its parent.")
        if record["portal_type"] not in allowed:
            raise BadRequest(f"body: unknown type {record['portal_type']!r}.")
        if record["path"].rpartition("/")[2] != record["id"]:
            raise BadRequest(f"body: {record['path']} does not end with its id.")
        paths.add(record["path"])
    uids = [record["UID"] for record in records]
    if len(set(uids)) != len(uids):
        raise BadRequest("body: the same UID twice.")
    return records


def check_new(records: list[dict]) -> None:
    catalog = api.portal.get_tool("portal_catalog")
    for record in records:
        if catalog.unrestrictedSearchResults(UID=record["UID"]):
            raise Conflict(f"{record['UID']} ({record['path'] or 'the space'}) is already on this site.")


def check_accounts(records: list[dict], space_data: dict) -> set[str]:
    """Every account the space names must exist here, except its pupils (made on import)."""
    pupils = {p["id"] for p in space_data.get("pupils", []) if isinstance(p, dict) and isinstance(p.get("id"), str)}
    named = {m["user"] for m in space_data.get("roster", []) if isinstance(m, dict) and isinstance(m.get("user"), str)}
    for record in records:
        named.update(c for c in record.get("creators", []) if isinstance(c, str))
    missing = sorted(u for u in named - pupils if api.user.get(userid=u) is None)
    if missing:
        raise BadRequest(f"roster: these accounts are not on this site: {', '.join(missing)}.")
    return pupils


def _set_fields(obj, record: dict, read_blob, relations: list) -> None:
    values = record["fields"]
    for schema, name, field in schema_fields(obj):
        if name not in values:
            continue
        raw = values[name]
        if is_relation(raw):
            relations.append((obj, schema, name, raw))
            continue
        try:
            value = import_value(raw, read_blob)
            if value is not None and not field.readonly:
                field.bind(obj).validate(value)
        except (CodecError, ValidationError, ValueError, TypeError) as error:
            label = record["path"] or "the space"
            raise BadRequest(f"{name}: bad value in {label} ({error!r}).") from None
        setattr(schema(obj), name, value)


def _set_relations(relations: list, objects: dict) -> None:
    intids = getUtility(IIntIds)

    def relation(uid):
        target = objects.get(uid) or api.content.get(UID=uid)
        return RelationValue(intids.getId(target)) if target is not None else None

    changed = set()
    for obj, schema, name, raw in relations:
        if "$relation" in raw:
            value = relation(raw["$relation"]) if raw["$relation"] else None
        else:
            value = [r for r in (relation(uid) for uid in raw["$relations"]) if r is not None]
        setattr(schema(obj), name, value)
        changed.add(obj)
    for obj in changed:
        updateRelations(obj, None)


def _restore_metadata(obj, record: dict) -> None:
    history = decode(record.get("workflow_history") or {"$mapping": "dict", "items": []})
    obj.workflow_history = PersistentMapping(history)
    for key, value in (record.get("annotations") or {}).items():
        if key.startswith("collective.twinning."):
            IAnnotations(obj)[key] = decode(value)
    creators = [c for c in record.get("creators", []) if isinstance(c, str)]
    if creators:
        obj.setCreators(creators)
    local_roles = record.get("local_roles") or {}
    for principal, roles in local_roles.items():
        obj.manage_setLocalRoles(principal, [r for r in roles if isinstance(r, str)])
    if record.get("owner") and api.user.get(userid=record["owner"]) is not None:
        obj.changeOwnership(api.user.get(userid=record["owner"]).getUser())
    for attribute, key in (
        ("creation_date", "created"),
        ("effective_date", "effective"),
        ("expiration_date", "expires"),
        ("modification_date", "modified"),
    ):
        if record.get(key):
            moment = decode(record[key])
            if not isinstance(moment, DateTime):
                raise BadRequest(f"body: {key} of {record['path'] or 'the space'} is no date.")
            setattr(obj, attribute, moment)
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow in workflow_tool.getWorkflowsFor(obj):
        workflow.updateRoleMappingsFor(obj)


def _recreate_pupils(space, pupils: list[dict]) -> None:
    registration = api.portal.get_tool("portal_registration")
    for pupil in pupils:
        if api.user.get(userid=pupil["id"]) is None:
            # No password travels in an export: the teacher sets a new one (@pupils).
            registration.addMember(pupil["id"], secrets.token_urlsafe(24), [PUPIL_ROLE])
            api.user.get(userid=pupil["id"]).setMemberProperties(
                {"fullname": pupil.get("fullname", ""), PUPIL_PROPERTY: space.UID()}
            )


def import_space(container, stream) -> object:
    reader = ArchiveReader(stream)
    records = read_records(reader)
    space_data = reader.json("space.json") if "space.json" in reader.names else {}
    if not isinstance(space_data, dict):
        raise BadRequest("body: space.json is not an object.")
    check_new(records)
    pupils = check_accounts(records, space_data)
    objects, relations = {}, []
    with as_system():
        for record in records:
            parent_path = record["path"].rpartition("/")[0]
            parent = container if not record["path"] else (objects_by_path[parent_path] if parent_path else space)
            obj = createContent(record["portal_type"])
            setattr(obj, ATTRIBUTE_NAME, record["UID"])
            obj.id = record["id"]
            creators = [c for c in record.get("creators", []) if isinstance(c, str)]
            if creators:  # before adding: the founders decide the project's countries
                obj.setCreators(creators)
            _set_fields(obj, record, reader.read, relations)
            obj = addContentToContainer(parent, obj, checkConstraints=False)
            if not record["path"]:
                space, objects_by_path = obj, {}
            else:
                objects_by_path[record["path"]] = obj
            objects[record["UID"]] = obj
        _set_relations(relations, objects)
        _recreate_pupils(space, [p for p in space_data.get("pupils", []) if p.get("id") in pupils])
        roster = Roster(space)
        for member in space_data.get("roster", []):
            if member.get("user") not in founders(space):
                roster.set(member["user"], member["role"]) if member.get("role") else None
        for record in records:
            _restore_metadata(objects[record["UID"]], record)
        catalog = api.portal.get_tool("portal_catalog")
        for obj in objects.values():
            # catalog_object, not reindexObject: that one would stamp "modified" now
            catalog.catalog_object(obj, "/".join(obj.getPhysicalPath()))
    return space
