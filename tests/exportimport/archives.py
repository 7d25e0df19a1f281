"""Build a real project, export it, and edit the archive as an attacker would (for the security tests)."""

from collective.twinning.exportimport.export import export_space
from collective.twinning.lifecycle.checklist import decide
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from plone.namedfile.file import NamedBlobFile
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_label
from tests.helpers import make_mobility
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.uploads import samples

import io
import json
import transaction
import zipfile


ZIP = {"Content-Type": "application/zip", "Accept": "application/json"}


def cast() -> None:
    """Founders of ES and IT, an ES teacher, an ES account that is no teacher, validators of ES, IT, FR."""
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    create_teacher("teacher-eva-es", "ES")
    create_account("member-mia-es", "ES")  # registered, never validated as a teacher
    for country in ("ES", "IT", "FR"):
        create_validator(f"validator-{country.lower()}", country)


def labelled_project(portal):
    """An ES+IT project, validated, started and labelled (a national label awarded by ES),
    with a teacher, a pupil, a public page holding a subpage and a file, and a private page."""
    space = make_space(portal["projects"], "teacher-ana-es", "teacher-luca-it", "pending")
    for userid in ("teacher-luca-it", "validator-es", "validator-it"):
        with api.env.adopt_user(username=userid):
            decide(space, userid, "approve", f"approved by {userid}")
    with as_system("teacher-ana-es"):
        api.content.transition(obj=space, transition="start")
        Roster(space).set("teacher-eva-es", "TwinSpaceTeacher")
        create_pupil(space, {"username": "pupil-nora", "fullname": "Nora Pérez", "password": PASSWORD})
    with api.env.adopt_user(username="teacher-ana-es"):
        page = api.content.create(container=space, type="Page", id="welcome", title="Welcome")
        api.content.create(container=page, type="Page", id="week-1", title="Week 1")
        api.content.create(
            container=page, type="Material", id="worksheet", title="Worksheet",
            file=NamedBlobFile(data=samples.PDF, filename="worksheet.pdf", contentType="application/pdf"),
            copyright_confirmed=True,
        )
        api.content.create(container=space, type="Page", id="notes", title="Teachers' notes")
    with as_system("teacher-ana-es"):
        api.content.transition(obj=page, transition="publish")
        api.content.transition(obj=page["week-1"], transition="publish")
    make_mobility(space, "teacher-ana-es")
    bring_label_to(make_label(space, "teacher-ana-es"), "awarded", "validator-es")
    assert api.content.get_state(obj=space) == "labelled"
    return space


def export_and_delete(space) -> bytes:
    """The administrator's (complete) archive of the space; the space is gone afterwards."""
    with as_system("admin"):
        archive = export_space(space)
        api.content.delete(obj=space, check_linkintegrity=False)
    transaction.commit()
    return archive


def documents(archive: bytes) -> dict:
    """Every member of the archive: JSON members parsed, the others as bytes."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    return {
        name: json.loads(source.read(name)) if name.endswith(".json") else source.read(name)
        for name in source.namelist()
    }


def pack(members: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for name, data in members.items():
            if not isinstance(data, bytes):
                data = json.dumps(data).encode()
            target.writestr(name, data)
    return out.getvalue()


def item_name(members: dict, path: str) -> str:
    """The member holding the item at ``path`` ("" for the space)."""
    for name, data in members.items():
        if name.startswith("items/") and data["path"] == path:
            return name
    raise KeyError(path)


def add_item(members: dict, record: dict, blobs: dict | None = None) -> None:
    """Append an item record (and its blobs) and list it in the manifest."""
    name = f"items/{len(members['manifest.json']['items']):06d}.json"
    members[name] = record
    members["manifest.json"]["items"].append(name)
    members.update(blobs or {})
