"""``@export``: a TwinSpace, everything in it and around it, as one zip."""

from collective.twinning.exportimport.archive import ArchiveWriter
from collective.twinning.exportimport.archive import FORMAT
from collective.twinning.exportimport.archive import MANIFEST
from collective.twinning.exportimport.archive import VERSION
from collective.twinning.exportimport.codec import encode
from collective.twinning.exportimport.fields import export_fields
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.membership.members import PUPIL_PROPERTY
from collective.twinning.membership.roster import Roster
from collective.twinning.membership.roster import ANNOTATION_KEY as ROSTER_KEY
from datetime import datetime
from datetime import timezone
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.globalrequest import getRequest


ANNOTATION_PREFIX = "collective.twinning."


def walk(space):
    """The space and every item inside it, parents before children, in folder order."""
    yield space
    for child in space.objectValues():
        if IUUID(child, None) is not None:
            yield from walk(child)


def relative_path(space, obj) -> str:
    space_path = space.getPhysicalPath()
    return "/".join(obj.getPhysicalPath()[len(space_path):])


def item_record(space, obj, writer) -> dict:
    uid = IUUID(obj)
    annotations = IAnnotations(obj)
    return {
        "path": relative_path(space, obj),
        "id": obj.getId(),
        "portal_type": obj.portal_type,
        "UID": uid,
        "fields": export_fields(obj, uid, writer.blob),
        "workflow_history": encode(dict(getattr(obj, "workflow_history", {}) or {})),
        "creators": list(obj.listCreators()),
        "owner": obj.getOwner(info=1)[1] if obj.getOwner(info=1) else None,
        "local_roles": {p: list(r) for p, r in (obj.__ac_local_roles__ or {}).items()},
        "created": encode(obj.creation_date),
        "modified": encode(obj.modification_date),
        "effective": encode(getattr(obj, "effective_date", None)),
        "expires": encode(getattr(obj, "expiration_date", None)),
        "annotations": {
            key: encode(annotations[key])
            for key in annotations
            if key.startswith(ANNOTATION_PREFIX) and key != ROSTER_KEY
        },
        # plone.restapi's own view of the item, for people and for comparing after import
        "serialization": getMultiAdapter((obj, getRequest()), ISerializeToJson)(),
    }


def pupils_of(space) -> list[dict]:
    """The space's pupil accounts: name only (no password, no e-mail)."""
    uid = IUUID(space)
    pupils = []
    for userid, _role in Roster(space).items():
        user = api.user.get(userid=userid)
        if user is not None and user.getProperty(PUPIL_PROPERTY, "") == uid:
            pupils.append({"id": userid, "fullname": user.getProperty("fullname", "")})
    return pupils


def export_space(space) -> bytes:
    writer = ArchiveWriter()
    names = []
    for number, obj in enumerate(walk(space)):
        name = f"items/{number:06d}.json"
        writer.json(name, item_record(space, obj, writer))
        names.append(name)
    writer.json(
        "space.json",
        {
            "roster": [{"user": u, "role": r} for u, r in Roster(space).items()],
            "pupils": pupils_of(space),
            "validation": checklist(space),
            "review_state": api.content.get_state(obj=space),
        },
    )
    writer.json(
        MANIFEST,
        {
            "format": FORMAT,
            "version": VERSION,
            "exported": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "site": api.portal.get().absolute_url(),
            "root": IUUID(space),
            "title": space.Title(),
            "items": names,
        },
    )
    return writer.close()
