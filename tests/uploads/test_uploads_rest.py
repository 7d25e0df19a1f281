"""Uploads through REST: dangerous kinds refused, pictures stored without metadata, nothing sniffed."""

from PIL import Image
from plone import api
from tests.uploads import samples

import base64
import io
import pytest
import transaction


def material(field: str, data: bytes, filename: str, content_type: str) -> dict:
    return {
        "@type": "Material",
        "title": "Upload",
        field: {
            "data": base64.b64encode(data).decode(),
            "encoding": "base64",
            "filename": filename,
            "content-type": content_type,
        },
        "copyright_confirmed": True,
        "license": "cc-by-4.0",
    }


@pytest.fixture
def manager(session_for):
    return session_for("manager")


@pytest.mark.parametrize(
    "field,sample,filename,content_type",
    [
        ("file", "SVG", "drawing.svg", "image/svg+xml"),
        ("file", "HTML", "page.html", "text/html"),
        ("file", "HTML", "photo.jpg", "image/jpeg"),  # the name lies
        ("file", "XML", "data.xml", "text/xml"),
        ("file", "SHELL", "run.sh", "text/plain"),
        ("file", "JS_IN_TEXT", "notes.txt", "text/plain"),
        ("file", "EXE", "game.exe", "application/octet-stream"),
        ("image", "SVG", "logo.svg", "image/svg+xml"),
        ("image", "PDF", "scan.png", "image/png"),
    ],
)
def test_dangerous_upload_refused_and_nothing_written(
    manager, twinspace, field, sample, filename, content_type
):
    before = set(twinspace.objectIds())
    response = manager.post(
        "projects/space", json=material(field, getattr(samples, sample), filename, content_type)
    )
    assert response.status_code == 400
    assert field in response.json()["message"]
    transaction.begin()
    assert set(twinspace.objectIds()) == before


def test_file_over_the_limit_refused(manager, twinspace):
    api.portal.set_registry_record("collective.twinning.max_file_size_mb", 1)
    transaction.commit()
    big = samples.PDF + b"0" * (1024 * 1024)
    response = manager.post("projects/space", json=material("file", big, "big.pdf", "application/pdf"))
    assert response.status_code == 400
    assert "file: at most 1 MB" in response.json()["message"]


def test_image_over_the_limit_refused(manager, twinspace):
    api.portal.set_registry_record("collective.twinning.max_image_size_mb", 1)
    transaction.commit()
    big = samples.photo("PNG") + b"\x00" * (1024 * 1024)
    response = manager.post("projects/space", json=material("image", big, "big.png", "image/png"))
    assert response.status_code == 400
    assert "image: at most 1 MB" in response.json()["message"]


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_photo_stored_without_location(manager, twinspace, fmt):
    response = manager.post(
        "projects/space",
        json=material("image", samples.photo(fmt), f"class.{fmt.lower()}", f"image/{fmt.lower()}"),
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    stored = twinspace[response.json()["id"]].image
    picture = Image.open(io.BytesIO(stored.data))
    assert dict(picture.getexif()) == {}
    assert picture.size == (30, 40)  # turned upright before the EXIF went


def test_safe_file_stored_as_sent(manager, twinspace):
    response = manager.post(
        "projects/space", json=material("file", samples.docx(), "plan.docx", "application/octet-stream")
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    assert twinspace[response.json()["id"]].file.data == samples.docx()


def test_downloads_are_attachments_and_not_sniffed(manager, twinspace):
    response = manager.post("projects/space", json=material("file", samples.TEXT, "list.txt", "text/plain"))
    url = response.json()["@id"]
    download = manager.get(f"{url}/@@download/file", headers={"Accept": "*/*"})
    assert download.status_code == 200
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Content-Disposition"].startswith("attachment")


def test_json_responses_are_not_sniffed_either(session_for, twinspace):
    response = session_for("anonymous").get("@project-search")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
