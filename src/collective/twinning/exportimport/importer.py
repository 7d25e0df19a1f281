"""``@import``: recreate an exported TwinSpace, restored for administrators, rebuilt for anyone else.

- An administrator (Manager, Site Administrator; the ``twinning-export``
  command) *restores* the space as it was: UIDs, states and history, owner,
  local roles (``restore``), the add-on's annotations, dates.
- Anyone else who may import (a national validator) gets the space *rebuilt*
  through the checks of creation: a founder of the validator's country, founders
  who are validated teachers of the countries the archive says, field
  validation and the schemas' invariants (plone.restapi's deserializer), the
  state ``draft`` with a fresh history, owner and creators among the project's
  members, no annotations; Quality Label applications are left out (a draft
  project holds none) and listed in the answer.

Both: only complete archives; bounded reading (``archive``); every part of
the archive decoded and checked, history, local roles and annotations too
(``restore.read_metadata``), whether they are applied or not; types each
container allows; upload rules and sniffed kinds for blobs; rich text filtered
on output; the roster's own rules; pupil accounts made by ``@pupils``' function.
The cheap checks run before the first object is made; anything failing later
raises too, so the transaction is aborted and nothing is left.
"""

from AccessControl import getSecurityManager
from collective.twinning import _
from collective.twinning import audit
from collective.twinning.collaboration import notifications
from collective.twinning.exportimport.archive import ArchiveReader
from collective.twinning.exportimport.archive import refuse
from collective.twinning.exportimport.codec import CodecError
from collective.twinning.exportimport.collaboration import check_authored_field
from collective.twinning.exportimport.collaboration import check_extras
from collective.twinning.exportimport.collaboration import read_extras
from collective.twinning.exportimport.collaboration import write_extras
from collective.twinning.exportimport.fields import import_value
from collective.twinning.exportimport.fields import is_relation
from collective.twinning.exportimport.fields import schema_fields
from collective.twinning.exportimport.people import check_founders
from collective.twinning.exportimport.people import check_roster
from collective.twinning.exportimport.people import check_validator_country
from collective.twinning.exportimport.people import make_members
from collective.twinning.exportimport.people import People
from collective.twinning.exportimport.people import plan_people
from collective.twinning.exportimport.records import check_new
from collective.twinning.exportimport.records import check_types
from collective.twinning.exportimport.records import invalid
from collective.twinning.exportimport.records import Item
from collective.twinning.exportimport.records import read_items
from collective.twinning.exportimport.records import read_space_data
from collective.twinning.exportimport.restore import read_metadata
from collective.twinning.exportimport.restore import restore_metadata as _restore_metadata
from collective.twinning.exportimport.restore import set_local_roles
from collective.twinning.security import as_system
from contextlib import nullcontext
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from plone import api
from plone.base.utils import check_id
from plone.dexterity.utils import addContentToContainer
from plone.dexterity.utils import createContent
from plone.restapi.interfaces import IDeserializeFromJson
from plone.uuid.interfaces import ATTRIBUTE_NAME
from z3c.relationfield import RelationValue
from z3c.relationfield.event import updateRelations
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zExceptions import BadRequest
from zope.component import getUtility
from zope.component import queryMultiAdapter
from zope.globalrequest import getRequest
from zope.intid.interfaces import IIntIds
from zope.schema import ValidationError


ADMINISTRATORS = frozenset({"Manager", "Site Administrator"})
# Types a rebuilt (draft) project does not hold: applications need a running project.
LEFT_OUT_ON_REBUILD = frozenset({"QualityLabel"})
SKIPPED_FIELDS = frozenset({"id"})  # plone.shortname: the record's id is the item's id
# Types whose checks of creation depend on who writes (a post's channel): run as the item's author.
CHECKED_AS_AUTHOR = frozenset({"Post"})


@dataclass
class Imported:
    space: object
    mode: str  # "restored" or "rebuilt"
    left_out: list[dict] = dataclass_field(default_factory=list)


def is_administrator(container) -> bool:
    """Whether the acting user (the command's system user too) restores rather than rebuilds."""
    return bool(ADMINISTRATORS & set(getSecurityManager().getUser().getRolesInContext(container)))


def _set_fields(obj, item: Item, read_blob, relations: list) -> None:
    """Each value decoded for its field and validated by it (constraints: the upload rules too)."""
    values = item.fields
    for schema, name, field in schema_fields(obj):
        if name not in values or name in SKIPPED_FIELDS or field.readonly:
            continue  # read-only fields (countries) are derived again by the add-on's subscribers
        raw = values[name]
        if is_relation(raw):
            if not (IRelationChoice.providedBy(field) or IRelationList.providedBy(field)):
                raise invalid(item.where(name), "a relation where the field holds none")
            relations.append((obj, item, schema, name, raw))
            continue
        try:
            value = import_value(raw, read_blob, field)
            if value is not None and not check_authored_field(item, name, value):
                field.bind(obj).validate(value)
        except (CodecError, ValidationError, ValueError, TypeError) as error:
            detail = error.doc() if isinstance(error, ValidationError) else str(error)
            raise invalid(item.where(name), detail or repr(error)) from None
        except RecursionError:
            raise invalid(item.where(name), "nested too deep") from None
        setattr(schema(obj), name, value)


def _set_relations(relations: list, objects: dict, rebuild: bool) -> None:
    """Relations to the archive's items; a restore may also point at items of this site."""
    intids = getUtility(IIntIds)

    def relation(item: Item, name: str, uid):
        if not isinstance(uid, str):
            raise invalid(item.where(name), "a relation names a UID")
        target = objects.get(uid)
        if target is None and not rebuild:
            target = api.content.get(UID=uid)
        if target is None and rebuild:
            raise invalid(item.where(name), f"{uid} is no item of the archive")
        return RelationValue(intids.getId(target)) if target is not None else None

    changed = set()
    for obj, item, schema, name, raw in relations:
        if "$relation" in raw:
            value = relation(item, name, raw["$relation"]) if raw["$relation"] else None
        elif isinstance(raw["$relations"], list):
            value = [r for r in (relation(item, name, uid) for uid in raw["$relations"]) if r is not None]
        else:
            raise invalid(item.where(name), "relations are a list of UIDs")
        setattr(schema(obj), name, value)
        changed.add(obj)
    for obj in changed:
        updateRelations(obj, None)


def _check_as_created(obj, item: Item) -> None:
    """Required fields and invariants, through plone.restapi's deserializer as a creation runs it."""
    deserializer = queryMultiAdapter((obj, getRequest()), IDeserializeFromJson)
    try:
        deserializer(validate_all=True, data={}, create=True)
    except BadRequest as error:
        errors = (
            error.args[0] if error.args and isinstance(error.args[0], list) else [{"message": str(error)}]
        )
        detail = "; ".join(f"{e.get('field') or 'item'}: {e.get('message')}" for e in errors)
        raise invalid(item.where(), detail) from None


def _create(parent, item: Item, creators: list[str], read_blob, relations: list):
    obj = createContent(item.portal_type)
    setattr(obj, ATTRIBUTE_NAME, item.uid)
    obj.id = item.id
    if creators:  # before adding: the founders decide the project's countries
        obj.setCreators(creators)
    _set_fields(obj, item, read_blob, relations)
    problem = check_id(parent, item.id, required=1, contained_by=parent)
    if problem:
        raise invalid(item.where("id"), str(problem))
    return addContentToContainer(parent, obj, checkConstraints=True)


def _fresh_creators(item: Item, people: People) -> list[str]:
    """A rebuilt item is by its authors who are members of the project, else by its founder."""
    return [c for c in item.strings("creators") if c in people.members] or [people.founders[0]]


def _start_fresh(obj, creators: list[str]) -> None:
    """Owner: the first creator, alone; no other local role (the roster gives the rest)."""
    owner = creators[0]
    obj.setCreators(creators)
    obj.changeOwnership(api.user.get(userid=owner).getUser())
    set_local_roles(obj, {owner: ["Owner"]})


def _left_out(items: list[Item]) -> tuple[list[Item], list[dict]]:
    kept, left, gone = [], [], set()
    for item in items:
        if item.portal_type in LEFT_OUT_ON_REBUILD or item.parent_path in gone:
            gone.add(item.path)
            left.append(
                {"path": item.path, "portal_type": item.portal_type, "reason": "not in a draft project"}
            )
        else:
            kept.append(item)
    return kept, left


def import_space(container, stream) -> Imported:
    restoring = is_administrator(container)
    reader = ArchiveReader(stream)
    if reader.manifest.get("complete", True) is not True:  # archives of version 1 before it were complete
        raise refuse(
            _("The archive is partial (its exporter could not see everything): it cannot be imported.")
        )
    items = read_items(reader)
    check_types(container, items)
    space_data = read_space_data(reader)
    check_new(container, items)
    people = plan_people(items, space_data, restoring)
    # Checked whoever imports (the same archive is sound or not for all); applied only by a restore.
    metadata = {item.uid: read_metadata(item) for item in items}
    extras = {item.uid: read_extras(item) for item in items}  # comments, likes, poll answers
    left_out = []
    if not restoring:
        check_validator_country(check_founders(items[0], people.founders))
        items, left_out = _left_out(items)
    objects, by_path, relations = {}, {}, []
    # What the archive brings back happened once: nobody is notified of it again.
    with as_system(), notifications.muted():
        for item in items:
            parent = container if not item.path else by_path[item.parent_path]
            creators = metadata[item.uid].creators if restoring else _fresh_creators(item, people)
            obj = _create(parent, item, creators, reader.blob, relations)
            if not item.path:
                check_roster(obj, people)
            by_path[item.path] = objects[item.uid] = obj
        space = objects[items[0].uid]
        _set_relations(relations, objects, not restoring)
        make_members(space, people)
        for item in items:
            obj = objects[item.uid]
            if restoring:
                _restore_metadata(obj, metadata[item.uid])
            else:
                _start_fresh(obj, _fresh_creators(item, people))
            # Collaboration as creation allows it, once states, owners and members are in place.
            author = (obj.listCreators() or (None,))[0]
            check_extras(obj, item, extras[item.uid], author)
            if not restoring:
                with as_system(author) if item.portal_type in CHECKED_AS_AUTHOR else nullcontext():
                    _check_as_created(obj, item)
        for item in items:
            if extras[item.uid]:
                write_extras(objects[item.uid], extras[item.uid], restoring)
        catalog = api.portal.get_tool("portal_catalog")
        for obj in objects.values():
            # catalog_object, not reindexObject: that one would stamp "modified" now
            catalog.catalog_object(obj, "/".join(obj.getPhysicalPath()))
        mode = "restored" if restoring else "rebuilt"
        audit.record(
            space,
            "space_imported",
            None,
            "",
            mode=mode,
            site=str(reader.manifest.get("site", ""))[:200],
            exported=str(reader.manifest.get("exported", ""))[:40],
        )
    return Imported(space, mode, left_out)
