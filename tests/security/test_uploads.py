"""Attacker stories: uploads that lie about what they are.

A teacher sends a picture declared as a web page, or a picture with a script
(SVG) as a project's lead image. The portal stores what the bytes are and holds
every image field to Material's picture rules.
"""

from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_group
from tests.helpers import make_mobility
from tests.helpers import make_space
from tests.uploads import samples

import base64
import pytest
import transaction


def upload(data: bytes, filename: str, content_type: str) -> dict:
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


@pytest.fixture
def cast(functional_portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "IT")
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-ben", "running")
    make_mobility(space, "teacher-ana")
    make_group(functional_portal["groups"], "teacher-ana")
    transaction.commit()
    return functional_portal


def test_png_declared_as_html_is_stored_as_png(cast, session_for):
    """The browser says text/html; the bytes say PNG: the portal keeps image/png."""
    teacher = session_for("teacher-ana")
    response = teacher.post(
        "projects/space",
        json={
            "@type": "Material",
            "title": "Our drawing",
            "file": upload(samples.photo("PNG"), "drawing.html", "text/html"),
            "copyright_confirmed": True,
            "license": "cc-by-4.0",
        },
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    stored = cast["projects"]["space"][response.json()["id"]].file
    assert stored.contentType == "image/png"
    download = teacher.get(f"{response.json()['@id']}/@@download/file", headers={"Accept": "*/*"})
    assert download.headers["Content-Type"].startswith("image/png")


def test_image_declared_as_html_is_stored_as_its_kind(cast, session_for):
    response = session_for("teacher-ana").post(
        "projects/space",
        json={
            "@type": "Material",
            "title": "Class photo",
            "image": upload(samples.photo("JPEG"), "photo.html", "text/html"),
            "copyright_confirmed": True,
            "license": "cc-by-4.0",
        },
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    assert cast["projects"]["space"][response.json()["id"]].image.contentType == "image/jpeg"


@pytest.mark.parametrize(
    "path,sample,filename,content_type",
    [
        ("projects/space", "SVG", "logo.svg", "image/svg+xml"),
        ("projects/space", "SVG_BARE", "logo.png", "image/png"),  # the name lies
        ("projects/space", "HTML", "logo.png", "image/png"),
        ("groups/group", "SVG", "logo.svg", "image/svg+xml"),
    ],
)
def test_scripted_lead_image_refused(cast, session_for, path, sample, filename, content_type):
    """A founder sets an SVG with a script as the project's (or group's) lead image."""
    transaction.begin()
    before = cast.unrestrictedTraverse(path).image
    response = session_for("teacher-ana").patch(
        path, json={"image": upload(getattr(samples, sample), filename, content_type)}
    )
    assert response.status_code == 400
    assert "image" in response.text
    transaction.begin()
    assert cast.unrestrictedTraverse(path).image is before is None


def test_photo_lead_image_accepted_without_its_location(cast, session_for):
    response = session_for("teacher-ana").patch(
        "projects/space", json={"image": upload(samples.photo("JPEG"), "class.html", "text/html")}
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    image = cast["projects"]["space"].image
    assert image.contentType == "image/jpeg"
    assert b"PhoneMaker" not in image.data  # the EXIF went


def test_html_learning_agreement_refused(cast, session_for):
    response = session_for("teacher-ana").patch(
        "projects/space/mobility",
        json={"learning_agreement": upload(samples.HTML, "agreement.pdf", "application/pdf")},
    )
    assert response.status_code == 400
    assert "learning_agreement" in response.text
    transaction.begin()
    assert cast["projects"]["space"]["mobility"].learning_agreement is None


def test_learning_agreement_stored_as_its_kind(cast, session_for):
    response = session_for("teacher-ana").patch(
        "projects/space/mobility",
        json={"learning_agreement": upload(samples.PDF, "agreement.html", "text/html")},
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert cast["projects"]["space"]["mobility"].learning_agreement.contentType == "application/pdf"


def test_sniffed_kind_whatever_stored_the_file(cast):
    """Not only REST: anything that stores a file (Classic forms, import) gets the sniffed kind."""
    from plone.namedfile.file import NamedBlobFile

    with api.env.adopt_user(username="teacher-ana"):
        material = api.content.create(
            container=cast["projects"]["space"],
            type="Material",
            title="Scan",
            file=NamedBlobFile(data=samples.PDF, contentType="text/html", filename="scan.html"),
            copyright_confirmed=True,
            license="cc-by-4.0",
        )
    assert material.file.contentType == "application/pdf"
