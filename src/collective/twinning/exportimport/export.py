"""``@export``: a TwinSpace as one zip, holding what its exporter may view.

The rule: an archive holds exactly the items the exporting user may view
(wherever they are: a public page inside a private one too, as ``@report``
lists it) and the fields they may read. Administrators and the space's admins (who may view everything) get a
*complete* archive, the only kind an import accepts: with workflow history,
owner, local roles, the add-on's annotations, the whole roster and the pupils.
Anyone else who may export (the validators of the project's countries) gets a
*partial* one: the roster's adults as ``@report`` shows them, the validation
checklist when they may view it, no pupils, no history, no annotations.
"""

from AccessControl import getSecurityManager
from collective.twinning.exportimport.archive import ArchiveWriter
from collective.twinning.exportimport.archive import FORMAT
from collective.twinning.exportimport.archive import MANIFEST
from collective.twinning.exportimport.archive import VERSION
from collective.twinning.exportimport.codec import encode
from collective.twinning.exportimport.collaboration import export_extras
from collective.twinning.exportimport.fields import export_fields
from collective.twinning.exportimport.restore import RESTORED_ANNOTATIONS
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.membership.members import PUPIL_PROPERTY
from collective.twinning.membership.roles import TWINSPACE_ADMIN
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import Roster
from datetime import datetime
from datetime import UTC
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter
from zope.globalrequest import getRequest


COMPLETE_ROLES = frozenset({"Manager", "Site Administrator", TWINSPACE_ADMIN})


def walk(space, visible=lambda obj: True):
    """The space and every item inside it that is ``visible``, parents before children, in folder order.

    An item inside one that is not visible still counts (a public page in a private one,
    as ``@report`` lists it); it is the archive that is then partial."""
    if visible(space):
        yield space
    for child in space.objectValues():
        if IUUID(child, None) is not None:
            yield from walk(child, visible)


def may_view(obj) -> bool:
    return bool(getSecurityManager().checkPermission("View", obj))


def exports_everything(space) -> bool:
    """Administrators and the space's admins get the complete archive."""
    return bool(COMPLETE_ROLES & set(getSecurityManager().getUser().getRolesInContext(space)))


def relative_path(space, obj) -> str:
    space_path = space.getPhysicalPath()
    return "/".join(obj.getPhysicalPath()[len(space_path) :])


def item_record(space, obj, writer, complete: bool) -> dict:
    uid = IUUID(obj)
    record = {
        "path": relative_path(space, obj),
        "id": obj.getId(),
        "portal_type": obj.portal_type,
        "UID": uid,
        "fields": export_fields(obj, uid, writer.blob),
        "creators": list(obj.listCreators()),
        "created": encode(obj.creation_date),
        "modified": encode(obj.modification_date),
        "effective": encode(getattr(obj, "effective_date", None)),
        "expires": encode(getattr(obj, "expiration_date", None)),
        # plone.restapi's own view of the item, for people and for comparing after import
        "serialization": getMultiAdapter((obj, getRequest()), ISerializeToJson)(),
        # comments (those the exporter may view), likes and poll answers (complete archives)
        **export_extras(obj, complete),
    }
    if complete:
        owner = obj.getOwnerTuple()
        annotations = IAnnotations(obj)
        record.update(
            {
                "workflow_history": encode(dict(getattr(obj, "workflow_history", {}) or {})),
                "owner": owner[1] if owner else None,
                "local_roles": {p: list(r) for p, r in (obj.__ac_local_roles__ or {}).items()},
                "annotations": {
                    key: encode(annotations[key]) for key in RESTORED_ANNOTATIONS if key in annotations
                },
            }
        )
    return record


def roster_of_space(space, complete: bool) -> list[dict]:
    """The whole roster, or its adults only (as ``@report`` shows them)."""
    return [
        {"user": user, "role": role}
        for user, role in Roster(space).items()
        if complete or role != TWINSPACE_PUPIL
    ]


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
    """The archive of ``space`` as the current user may have it (see the module's rule)."""
    complete = exports_everything(space)
    everything = sum(1 for _obj in walk(space))
    writer = ArchiveWriter()
    names = []
    for number, obj in enumerate(walk(space, may_view)):
        name = f"items/{number:06d}.json"
        writer.json(name, item_record(space, obj, writer, complete))
        names.append(name)
    complete = complete and len(names) == everything
    space_data = {
        "roster": roster_of_space(space, complete),
        "pupils": pupils_of(space) if complete else [],
        "review_state": api.content.get_state(obj=space),
    }
    if getSecurityManager().checkPermission("collective.twinning: View validation", space):
        space_data["validation"] = checklist(space)
    writer.json("space.json", space_data)
    writer.json(
        MANIFEST,
        {
            "format": FORMAT,
            "version": VERSION,
            "exported": datetime.now(UTC).isoformat(timespec="seconds"),
            "site": api.portal.get().absolute_url(),
            "root": IUUID(space),
            "complete": complete,
            "title": space.Title(),
            "items": names,
        },
    )
    return writer.close()
