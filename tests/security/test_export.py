"""``@export`` holds what its exporter may view (finding 12 of the security review).

The rule: an archive holds exactly the items the exporting user may view (wherever they are:
a public page inside a private one too, as ``@report`` lists it) and the fields they may read. Only administrators and the space's
admins get a complete archive, the one an import can restore: with workflow history, owner,
local roles, the add-on's annotations, pupils and the whole roster. Anyone else who may export
(the validators of the project's countries, European validators) gets a partial archive: the
roster's adults as ``@report`` shows them, no pupils, no history or annotations.
"""

from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.exportimport.archives import cast
from tests.exportimport.archives import documents
from tests.exportimport.archives import ZIP
from tests.helpers import bring_label_to
from tests.helpers import make_label
from tests.helpers import make_mobility
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.security.conftest import DENIED

import pytest
import transaction


# item path → (founder, validator of ES, administrator): in the archive?
TABLE = {
    "": (True, True, True),
    "public-page": (True, True, True),
    "private-page": (True, False, True),
    "public-page/private-material": (True, False, True),
    "private-page/public-subpage": (True, True, True),  # public, inside a private page: @report lists it too
    "mobility": (True, True, True),
    "national-teacher-ana-es": (True, False, True),  # a draft application
    "national-teacher-luca-it": (True, True, True),  # a submitted one
}
EXPORTERS = ("teacher-ana-es", "validator-es", "manager")


@pytest.fixture
def project(functional_portal):
    """A running ES+IT project holding an item of every kind and state of the table."""
    cast()
    space = make_space(functional_portal["projects"], "teacher-ana-es", "teacher-luca-it", "running")
    with as_system("teacher-ana-es"):
        Roster(space).set("teacher-eva-es", "TwinSpaceTeacher")
        from collective.twinning.membership.pupils import create_pupil

        create_pupil(space, {"username": "pupil-nora", "fullname": "Nora Pérez", "password": PASSWORD})
    with api.env.adopt_user(username="teacher-ana-es"):
        public = api.content.create(container=space, type="Page", id="public-page", title="Public")
        private = api.content.create(container=space, type="Page", id="private-page", title="Private")
        api.content.create(
            container=public,
            type="Material",
            id="private-material",
            title="Link",
            embed_url="https://www.youtube.com/watch?v=abc",
            copyright_confirmed=True,
        )
        subpage = api.content.create(container=private, type="Page", id="public-subpage", title="Sub")
    with as_system("teacher-ana-es"):
        api.content.transition(obj=public, transition="publish")
        api.content.transition(obj=subpage, transition="publish")
    make_mobility(space, "teacher-ana-es")
    make_label(space, "teacher-ana-es")
    bring_label_to(make_label(space, "teacher-luca-it"), "submitted", "validator-it")
    transaction.commit()
    return space


def exported(session_for, userid: str) -> dict:
    response = session_for(userid).get("projects/space/@export")
    assert response.status_code == 200, response.text
    return documents(response.content)


def items(members: dict) -> dict:
    return {data["path"]: data for name, data in members.items() if name.startswith("items/")}


@pytest.mark.parametrize("exporter", EXPORTERS)
def test_an_archive_holds_what_its_exporter_may_view(project, session_for, exporter):
    column = EXPORTERS.index(exporter)

    paths = set(items(exported(session_for, exporter)))

    assert paths == {path for path, row in TABLE.items() if row[column]}


def test_a_validator_archive_agrees_with_the_report(project, session_for):
    report = session_for("validator-es").get("projects/space/@report").json()
    space_url = project.absolute_url()

    paths = items(exported(session_for, "validator-es"))

    reported = {item["url"][len(space_url) + 1 :] for item in report["content"]}
    assert reported == {path for path, item in paths.items() if item["portal_type"] in ("Page", "Material")}


def test_a_validator_archive_is_partial_without_pupils_history_or_annotations(project, session_for):
    members = exported(session_for, "validator-es")

    assert members["manifest.json"]["complete"] is False
    space_data = members["space.json"]
    assert space_data["pupils"] == []
    assert "pupil-nora" not in {entry["user"] for entry in space_data["roster"]}
    assert b"pupil-nora" not in b"".join(str(data).encode() for data in members.values())
    for item in items(members).values():
        assert not {"workflow_history", "local_roles", "owner", "annotations"} & set(item)
        # Only fields the validator may read (plone.restapi's serialization shows the same).
        assert set(item["fields"]) <= set(item["serialization"])


@pytest.mark.parametrize("exporter", ("teacher-ana-es", "manager"))
def test_admins_get_the_complete_archive(project, session_for, exporter):
    members = exported(session_for, exporter)

    assert members["manifest.json"]["complete"] is True
    assert {"id": "pupil-nora", "fullname": "Nora Pérez"} in members["space.json"]["pupils"]
    space_record = items(members)[""]
    assert "aims" in space_record["fields"]
    assert "collective.twinning.audit" in space_record["annotations"]
    assert space_record["workflow_history"]


@pytest.mark.parametrize("userid", ("teacher-eva-es", "pupil-nora", "validator-fr", "anonymous"))
def test_who_may_not_export(project, session_for, userid):
    assert session_for(userid).get("projects/space/@export").status_code in DENIED


def test_a_partial_archive_cannot_be_imported(project, session_for, functional_portal):
    archive = session_for("validator-es").get("projects/space/@export").content
    with as_system():
        api.content.delete(obj=project, check_linkintegrity=False)
    transaction.commit()

    response = session_for("manager").post("projects/@import", data=archive, headers=ZIP)

    assert response.status_code == 400, response.text
    assert response.json()["field"] == "body"
    transaction.begin()
    assert "space" not in functional_portal["projects"].objectIds()
