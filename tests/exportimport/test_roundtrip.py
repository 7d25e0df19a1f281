"""Export a space, delete it, import it: nothing lost."""

from collective.twinning.exportimport.export import export_space
from collective.twinning.exportimport.export import walk
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter
from zope.globalrequest import getRequest

import io
import json
import pytest
import re
import transaction
import zipfile


ZIP = {"Content-Type": "application/zip", "Accept": "application/json"}


# Image scales are derived data, made again on demand under new random ids.
SCALE_ID = re.compile(r"(@@images/image-\d+)-[0-9a-f]{32}\.")


def serializations(space) -> dict:
    return {
        obj.UID(): json.loads(
            SCALE_ID.sub(
                r"\1-<scale>.",
                json.dumps(getMultiAdapter((obj, getRequest()), ISerializeToJson)()),
            )
        )
        for obj in walk(space)
    }


def snapshot(space) -> dict:
    return {
        "serializations": serializations(space),
        "roster": sorted(Roster(space).items()),
        "checklist": checklist(space),
        "history": {
            obj.UID(): obj.workflow_history[
                "twinspace_workflow" if obj is space else "twinspace_content_workflow"
            ]
            for obj in walk(space)
        },
        "blobs": {
            obj.UID(): (obj.file or obj.image).data for obj in walk(space) if obj.portal_type == "Material"
        },
    }


@pytest.fixture
def exported(project, session_for):
    response = session_for("teacher-ana-es").get("projects/space/@export")
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/zip"
    return response.content


def delete(space):
    transaction.begin()  # see what the HTTP requests committed (image scales)
    with as_system():
        api.content.delete(obj=space, check_linkintegrity=False)
    transaction.commit()


def test_round_trip_loses_nothing(project, exported, session_for, functional_portal):
    before = snapshot(project)
    delete(project)
    response = session_for("manager").post("projects/@import", data=exported, headers=ZIP)
    assert response.status_code == 201, response.text
    transaction.begin()
    space = functional_portal["projects"]["space"]
    assert response.json()["@id"] == space.absolute_url()
    after = snapshot(space)
    assert after["roster"] == before["roster"]
    assert after["checklist"] == before["checklist"]
    assert after["history"] == before["history"]
    assert after["blobs"] == before["blobs"]
    assert after["serializations"] == before["serializations"]


def test_states_and_permissions_come_back(project, exported, session_for, functional_portal):
    delete(project)
    session_for("manager").post("projects/@import", data=exported, headers=ZIP)
    assert session_for("anonymous").get("projects/space/welcome").status_code == 200
    assert session_for("anonymous").get("projects/space/class-photo").status_code in (401, 403)
    assert session_for("pupil-nora").get("projects/space/class-photo").status_code == 200
    found = session_for("anonymous").get("@project-search").json()
    assert [item["title"] for item in found["items"]] == ["Project space"]


def test_archive_content(exported):
    archive = zipfile.ZipFile(io.BytesIO(exported))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "collective.twinning/twinspace-export"
    space_data = json.loads(archive.read("space.json"))
    assert {"id": "pupil-nora", "fullname": "Nora Pérez"} in space_data["pupils"]
    text = b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".json"))
    assert b"secret-pass-2026" not in text  # no password travels
    assert b"pupil-nora@" not in text


def test_existing_uid_is_a_conflict(project, exported, session_for):
    response = session_for("manager").post("projects/@import", data=exported, headers=ZIP)
    assert response.status_code == 409, response.text[-1500:]


@pytest.mark.parametrize(
    "damage",
    ["not a zip", "truncated", "foreign zip", "bad json", "wrong format", "unsafe name"],
)
def test_damaged_or_foreign_archive_refused(project, exported, session_for, functional_portal, damage):
    delete(project)
    body = damaged(exported, damage)
    response = session_for("manager").post("projects/@import", data=body, headers=ZIP)
    assert response.status_code == 400, response.text
    transaction.begin()
    assert "space" not in functional_portal["projects"].objectIds()


def damaged(archive: bytes, damage: str) -> bytes:
    if damage == "not a zip":
        return b"hello"
    if damage == "truncated":
        return archive[: len(archive) // 2]
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(archive))
    with zipfile.ZipFile(out, "w") as target:
        if damage == "foreign zip":
            target.writestr("readme.txt", "just a zip")
        for name in source.namelist() if damage != "foreign zip" else []:
            data = source.read(name)
            if damage == "bad json" and name == "items/000001.json":
                data = b"{not json"
            if damage == "wrong format" and name == "manifest.json":
                data = json.dumps({**json.loads(data), "format": "something/else"}).encode()
            target.writestr(name, data)
        if damage == "unsafe name":
            target.writestr("../../etc/passwd", "x")
    return out.getvalue()


@pytest.mark.parametrize(
    "userid,status",
    [
        ("teacher-ana-es", 200),
        ("validator-es", 200),
        ("teacher-eva-es", 401),
        ("pupil-nora", 401),
        ("anonymous", 401),
    ],
)
def test_who_may_export(project, session_for, userid, status):
    response = session_for(userid).get("projects/space/@export")
    assert response.status_code == (status if status == 200 else response.status_code)
    assert (response.status_code == 200) is (status == 200)


@pytest.mark.parametrize(
    "userid,allowed",
    [("validator-es", True), ("manager", True), ("teacher-ana-es", False), ("anonymous", False)],
)
def test_who_may_import(project, exported, session_for, userid, allowed):
    delete(project)
    response = session_for(userid).post("projects/@import", data=exported, headers=ZIP)
    assert (response.status_code == 201) is allowed, response.text
    if not allowed:
        assert response.status_code in (401, 403)


def test_wrong_content_type_refused(project, exported, session_for):
    delete(project)
    response = session_for("manager").post(
        "projects/@import",
        data=exported,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    assert response.status_code == 400
    assert "Content-Type" in response.json()["message"]


def test_in_process_export_matches_the_service(project, exported):
    names = zipfile.ZipFile(io.BytesIO(exported)).namelist()
    with api.env.adopt_user(username="teacher-ana-es"):
        assert zipfile.ZipFile(io.BytesIO(export_space(project))).namelist() == names
