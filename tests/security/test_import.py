"""``@import`` as an attacker uses it: archives edited by hand, posted by a validator or handed to an administrator.

Findings 2, 3, 11 and "unknown tags give 500" of the security review. Each test posts the
attacker's archive and asserts the safe answer and that nothing was made: no object, no
account, no role.
"""

from collective.twinning.exportimport.archive import MAX_MEMBERS
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from tests.exportimport.archives import add_item
from tests.exportimport.archives import cast
from tests.exportimport.archives import documents
from tests.exportimport.archives import export_and_delete
from tests.exportimport.archives import item_name
from tests.exportimport.archives import labelled_project
from tests.exportimport.archives import pack
from tests.exportimport.archives import ZIP
from tests.helpers import PASSWORD
from tests.uploads import samples

import pytest
import re
import transaction
import uuid
import zipfile


IMPORTERS = ("validator-es", "manager")


@pytest.fixture
def archive(functional_portal):
    """The administrator's archive of a labelled ES+IT project, deleted from the site with its pupil."""
    cast()
    space = labelled_project(functional_portal)
    transaction.commit()
    archive = export_and_delete(space)
    with as_system():
        api.user.delete(username="pupil-nora")
    transaction.commit()
    return archive


def post(session, body: bytes):
    return session.post("projects/@import", data=body, headers=ZIP)


def nothing_made(portal) -> bool:
    """No space, no pupil account, no new local role on the projects folder."""
    transaction.begin()
    projects = portal["projects"]
    return (
        "space" not in projects.objectIds()
        and api.user.get(userid="pupil-nora") is None
        and not api.content.find(
            portal_type=["TwinSpace", "Page", "File"],
            unrestricted=True,
            path="/".join(projects.getPhysicalPath()),
        )
    )


def edited(archive: bytes, edit) -> bytes:
    members = documents(archive)
    edit(members)
    return pack(members)


def space_record(members: dict) -> dict:
    return members[item_name(members, "")]


# Finding 3: a validator of another country, or an archive forging a state -------------------


def test_a_validator_of_another_country_cannot_import(archive, session_for, functional_portal):
    response = post(session_for("validator-fr"), archive)

    assert response.status_code == 403, response.text
    assert "FR" in response.json()["message"]
    assert nothing_made(functional_portal)


def test_a_validator_gets_a_draft_with_a_fresh_history_not_a_labelled_project(
    archive, session_for, functional_portal
):
    response = post(session_for("validator-es"), archive)

    assert response.status_code == 201, response.text
    transaction.begin()
    space = functional_portal["projects"]["space"]
    assert api.content.get_state(obj=space) == "draft"
    history = space.workflow_history["twinspace_workflow"]
    assert [(entry["review_state"], entry["actor"]) for entry in history] == [("draft", "validator-es")]
    assert all(item["decision"] is None for item in checklist(space)["required"])
    # Applications and their evaluations do not come back: a draft project holds none.
    assert len(api.content.find(context=space, portal_type="QualityLabel", unrestricted=True)) == 0
    assert [item["portal_type"] for item in response.json()["left_out"]] == ["QualityLabel"]
    assert api.content.get_state(obj=space["welcome"]) == "private"
    assert api.content.get_state(obj=space["mobility"]) == "planned"


def test_a_validator_keeps_founders_members_and_pupils_through_the_roster_rules(
    archive, session_for, functional_portal
):
    def share(members):  # a role the sharing page gives: restored for administrators only
        space_record(members)["local_roles"]["validator-es"] = ["Editor"]

    response = post(session_for("validator-es"), edited(archive, share))

    assert response.status_code == 201, response.text
    transaction.begin()
    space = functional_portal["projects"]["space"]
    assert sorted(Roster(space).items()) == [
        ("pupil-nora", "TwinSpacePupil"),
        ("teacher-ana-es", "TwinSpaceAdmin"),
        ("teacher-eva-es", "TwinSpaceTeacher"),
        ("teacher-luca-it", "TwinSpaceAdmin"),
    ]
    assert space.getOwner().getId() == "teacher-ana-es"
    assert dict(space.__ac_local_roles__) == {"teacher-ana-es": ["Owner"]}
    assert not {"Manager", "Editor", "Owner"} & set(api.user.get_roles(username="validator-es", obj=space))
    assert api.user.get(userid="pupil-nora").getProperty("pupil_of") == space.UID()


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_page_by_a_pupil_comes_back_with_its_recreated_author(
    archive, session_for, functional_portal, importer
):
    def by_pupil(members):
        members[item_name(members, "welcome/week-1")]["creators"] = ["pupil-nora"]

    response = post(session_for(importer), edited(archive, by_pupil))

    assert response.status_code == 201, response.text
    transaction.begin()
    assert functional_portal["projects"]["space"]["welcome"]["week-1"].listCreators() == ("pupil-nora",)


# Finding 2: local roles, owner and roster from the archive ----------------------------------


def _validator_manager(members):
    space_record(members)["local_roles"]["validator-es"] = ["Manager"]


def test_an_archive_cannot_make_its_importing_validator_manager(
    archive, session_for, request_factory, functional_portal
):
    response = post(session_for("validator-es"), edited(archive, _validator_manager))
    # Then, as the review did: the ZMI's add form (with its CSRF token) stores a page template.
    zmi = request_factory(basic_auth=("validator-es", PASSWORD), api=False)
    zmi.headers["Accept"] = "text/html"
    form = zmi.get("projects/space/manage_addProduct/PageTemplates/manage_addPageTemplateForm")
    token = re.search(r'_authenticator"[^>]*value="([0-9a-f]+)"', form.text)
    zmi.post(
        "projects/space/manage_addProduct/PageTemplates/manage_addPageTemplate",
        data={
            "id": "xss",
            "title": "",
            "text": "<p>hi</p><script>alert(document.cookie)</script>",
            "_authenticator": token.group(1) if token else "",
        },
        allow_redirects=False,
    )

    assert response.status_code == 400, response.text
    assert "Manager" in response.json()["message"]
    served = request_factory(api=False).get("projects/space/xss", headers={"Accept": "text/html"})
    assert served.status_code != 200 and "alert(document.cookie)" not in served.text
    assert nothing_made(functional_portal)


def test_an_administrator_restore_refuses_a_manager_local_role(archive, session_for, functional_portal):
    response = post(session_for("manager"), edited(archive, _validator_manager))

    assert response.status_code == 400, response.text
    body = response.json()
    assert "validator-es" in body["message"] and "Manager" in body["message"]
    assert nothing_made(functional_portal)


def test_an_administrator_restores_as_it_was_with_sharing_roles_but_no_roster_roles(
    archive, session_for, functional_portal
):
    def share(members):
        roles = space_record(members)["local_roles"]
        roles["teacher-eva-es"] = ["Editor"]  # the sharing page gives it
        roles["member-mia-es"] = ["TwinSpaceAdmin"]  # only the roster gives it, with its checks
        roles["someone-not-here"] = ["Reader"]  # whoever registers this id later gets nothing

    response = post(session_for("manager"), edited(archive, share))

    assert response.status_code == 201, response.text
    assert response.json()["mode"] == "restored"
    transaction.begin()
    space = functional_portal["projects"]["space"]
    assert api.content.get_state(obj=space) == "labelled"
    assert api.content.get_state(obj=space["national-teacher-ana-es"]) == "awarded"
    assert dict(space.get_local_roles()) == {"teacher-ana-es": ("Owner",), "teacher-eva-es": ("Editor",)}
    assert "TwinSpaceAdmin" not in api.user.get_roles(username="member-mia-es", obj=space)


def test_an_administrator_restore_gives_owner_only_to_the_recorded_owner(
    archive, session_for, functional_portal
):
    def forge_owner(members):
        record = members[item_name(members, "welcome")]
        record["local_roles"]["validator-fr"] = ["Owner"]

    response = post(session_for("manager"), edited(archive, forge_owner))

    assert response.status_code == 400, response.text
    assert "validator-fr" in response.json()["message"]
    assert nothing_made(functional_portal)


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_roster_entry_cannot_make_a_non_teacher_space_admin(
    archive, session_for, functional_portal, importer
):
    def promote(members):
        members["space.json"]["roster"].append({"user": "member-mia-es", "role": "TwinSpaceAdmin"})

    response = post(session_for(importer), edited(archive, promote))

    assert response.status_code == 400, response.text
    assert response.json()["field"] == "roster"
    assert "member-mia-es" in response.json()["message"]
    assert nothing_made(functional_portal)


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_pupil_entry_cannot_turn_an_existing_account_into_a_pupil(
    archive, session_for, functional_portal, importer
):
    def enrol(members):
        members["space.json"]["pupils"].append({"id": "validator-fr", "fullname": "Not a pupil"})
        members["space.json"]["roster"].append({"user": "validator-fr", "role": "TwinSpacePupil"})

    response = post(session_for(importer), edited(archive, enrol))

    assert response.status_code == 400, response.text
    assert "validator-fr" in response.json()["message"]
    assert nothing_made(functional_portal)


@pytest.mark.parametrize("importer", IMPORTERS)
def test_pupil_ids_pass_the_checks_of_pupil_creation(archive, session_for, functional_portal, importer):
    def bad_id(members):
        members["space.json"]["pupils"].append({"id": "bad id!", "fullname": "Bad"})
        members["space.json"]["roster"].append({"user": "bad id!", "role": "TwinSpacePupil"})

    response = post(session_for(importer), edited(archive, bad_id))

    assert response.status_code == 400, response.text
    assert "bad id!" in response.json()["message"]
    assert nothing_made(functional_portal)
    assert api.user.get(userid="bad id!") is None


def test_a_validator_cannot_import_a_project_founded_by_a_non_teacher(
    archive, session_for, functional_portal
):
    def founder(members):
        space_record(members)["creators"] = ["member-mia-es"]

    response = post(session_for("validator-es"), edited(archive, founder))

    assert response.status_code == 400, response.text
    assert "member-mia-es" in response.json()["message"]
    assert nothing_made(functional_portal)


def test_founders_must_be_of_the_countries_the_archive_says(archive, session_for, functional_portal):
    def countries(members):
        space_record(members)["fields"]["countries"] = {"$tuple": ["ES", "FR"]}

    response = post(session_for("validator-es"), edited(archive, countries))

    assert response.status_code == 400, response.text
    assert response.json()["field"] == "founders"
    assert nothing_made(functional_portal)


def test_a_rebuild_relates_items_of_the_archive_only(archive, session_for, functional_portal):
    def elsewhere(members):
        members[item_name(members, "mobility")]["fields"]["preparation_pages"] = {
            "$relations": [uuid.uuid4().hex]
        }

    response = post(session_for("validator-es"), edited(archive, elsewhere))

    assert response.status_code == 400, response.text
    assert "preparation_pages" in response.json()["message"]
    assert nothing_made(functional_portal)


# Finding 3: types the containers do not allow -------------------------------------------


def _html_file(members):
    uid = uuid.uuid4().hex
    add_item(
        members,
        {
            "path": "evil",
            "id": "evil",
            "portal_type": "File",
            "UID": uid,
            "creators": ["teacher-ana-es"],
            "fields": {
                "title": "Evil",
                "file": {
                    "$blob": f"blobs/{uid}/file",
                    "kind": "file",
                    "filename": "evil.html",
                    "content_type": "text/html",
                },
            },
        },
        {f"blobs/{uid}/file": samples.HTML},
    )


def _mobility_in_a_page(members):
    record = dict(members[item_name(members, "mobility")])
    record.update(path="welcome/trip", id="trip", UID=uuid.uuid4().hex)
    add_item(members, record)


@pytest.mark.parametrize("importer", IMPORTERS)
@pytest.mark.parametrize(
    "edit,container,portal_type",
    [(_html_file, "TwinSpace", "File"), (_mobility_in_a_page, "Page", "Mobility")],
)
def test_only_types_the_container_allows(
    archive, session_for, functional_portal, importer, edit, container, portal_type
):
    response = post(session_for(importer), edited(archive, edit))

    assert response.status_code == 400, response.text
    message = response.json()["message"]
    assert container in message and portal_type in message
    assert nothing_made(functional_portal)


# Upload rules and stored kinds ------------------------------------------------------------


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_file_is_stored_as_its_sniffed_kind(archive, session_for, functional_portal, importer):
    def lie(members):
        members[item_name(members, "welcome/worksheet")]["fields"]["file"]["content_type"] = "text/html"

    response = post(session_for(importer), edited(archive, lie))

    assert response.status_code == 201, response.text
    transaction.begin()
    assert (
        functional_portal["projects"]["space"]["welcome"]["worksheet"].file.contentType == "application/pdf"
    )


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_lead_image_is_held_to_the_image_rules(archive, session_for, functional_portal, importer):
    def svg(members):
        name = f"blobs/{space_record(members)['UID']}/image"
        space_record(members)["fields"]["image"] = {
            "$blob": name,
            "kind": "image",
            "filename": "logo.svg",
            "content_type": "image/png",
        }
        members[name] = samples.SVG

    response = post(session_for(importer), edited(archive, svg))

    assert response.status_code == 400, response.text
    assert "image" in response.json()["message"]
    assert nothing_made(functional_portal)


@pytest.mark.parametrize("importer", IMPORTERS)
def test_a_picture_loses_its_metadata_as_on_upload(archive, session_for, functional_portal, importer):
    def photo(members):
        uid = uuid.uuid4().hex
        add_item(
            members,
            {
                "path": "photo",
                "id": "photo",
                "portal_type": "Material",
                "UID": uid,
                "creators": ["teacher-ana-es"],
                "fields": {
                    "title": "Class photo",
                    "copyright_confirmed": True,
                    "license": "cc-by-sa-4.0",
                    "image": {
                        "$blob": f"blobs/{uid}/image",
                        "kind": "image",
                        "filename": "class.jpg",
                        "content_type": "image/jpeg",
                    },
                },
            },
            {f"blobs/{uid}/image": samples.photo("JPEG")},
        )

    response = post(session_for(importer), edited(archive, photo))

    assert response.status_code == 201, response.text
    transaction.begin()
    stored = functional_portal["projects"]["space"]["photo"].image.data
    assert b"PhoneMaker" in samples.photo("JPEG") and b"PhoneMaker" not in stored


@pytest.mark.parametrize("importer", IMPORTERS)
def test_rich_text_is_always_filtered_on_output(
    archive, session_for, request_factory, functional_portal, importer
):
    def script(members):
        members[item_name(members, "welcome")]["fields"]["text"] = {
            "$richtext": "<p>hi</p><script>alert(document.cookie)</script>",
            "mimeType": "text/html",
            "outputMimeType": "text/html",
        }

    response = post(session_for(importer), edited(archive, script))

    assert response.status_code == 201, response.text
    page = session_for("teacher-ana-es").get("projects/space/welcome").json()
    assert "<p>hi</p>" in page["text"]["data"]
    assert "<script" not in page["text"]["data"]


# Finding 11: bounds on every member, read through a bounded reader ---------------------------


def test_a_small_zip_with_a_huge_manifest_is_refused_before_it_is_inflated(
    archive, session_for, functional_portal
):
    def pad(members):
        members["manifest.json"]["padding"] = " " * (64 * 1024 * 1024)

    bomb = edited(archive, pad)
    assert len(bomb) < 200 * 1024

    response = post(session_for("validator-es"), bomb)

    assert response.status_code == 400, response.text
    assert "manifest.json" in response.json()["message"]
    assert nothing_made(functional_portal)


def test_a_blob_packed_too_tightly_is_refused(archive, session_for, functional_portal):
    def inflate(members):
        name = members[item_name(members, "welcome/worksheet")]["fields"]["file"]["$blob"]
        members[name] = samples.PDF + b" " * (3 * 1024 * 1024)

    response = post(session_for("manager"), edited(archive, inflate))

    assert response.status_code == 400, response.text
    assert "blobs/" in response.json()["message"]
    assert nothing_made(functional_portal)


def test_too_many_members_are_refused(archive, session_for, functional_portal):
    members = documents(archive)
    extra = {f"extra/{number}": b"" for number in range(MAX_MEMBERS)}

    response = post(session_for("manager"), pack({**members, **extra}, zipfile.ZIP_STORED))

    assert response.status_code == 400, response.text
    assert str(MAX_MEMBERS) in response.json()["message"]
    assert nothing_made(functional_portal)


# Low: unknown tags and malformed values give 400 naming where, never 500 ----------------------


def _tag(key: str, value):
    def edit(members):
        record = members[item_name(members, "welcome")]
        if key.startswith("annotations."):
            record["annotations"][key[len("annotations.") :]] = value
        elif key.startswith("fields."):
            record["fields"][key[len("fields.") :]] = value
        else:
            record[key] = value

    return edit


UNKNOWN = {
    "workflow history": ("workflow_history", {"$evil": 1}),
    "workflow history entry": (
        "workflow_history",
        {
            "$mapping": "dict",
            "items": [
                [
                    "twinspace_content_workflow",
                    {"$tuple": [{"$mapping": "dict", "items": [["review_state", "nowhere"]]}]},
                ]
            ],
        },
    ),
    "annotation": ("annotations.collective.twinning.audit", {"$mapping": "evil", "items": []}),
    "date": ("created", {"$DateTime": "not a date"}),
    "field": ("fields.title", {"$python": "os.system"}),
}


@pytest.mark.parametrize("key,value", UNKNOWN.values(), ids=list(UNKNOWN))
def test_unknown_or_malformed_tags_are_a_400_naming_where(
    archive, session_for, functional_portal, key, value
):
    members = documents(archive)
    name = item_name(members, "welcome")
    _tag(key, value)(members)

    response = post(session_for("manager"), pack(members))

    assert response.status_code == 400, response.text
    message = response.json()["message"]
    assert name in message and key.split(".")[-1] in message
    assert nothing_made(functional_portal)


def test_deeply_nested_json_is_a_400(archive, session_for, functional_portal):
    members = documents(archive)
    name = item_name(members, "welcome")
    depth = 100_000
    members[name] = ('{"path": "welcome", "fields": ' + '{"$tuple": [' * depth + "]}" * depth + "}").encode()

    response = post(session_for("manager"), pack(members))

    assert response.status_code == 400, response.text
    assert name in response.json()["message"]
    assert nothing_made(functional_portal)
