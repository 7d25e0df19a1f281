"""Downloads any client gets: ``@export`` answers application/zip and ``@report?format=csv`` text/csv
to no Accept header, ``*/*``, their own type, application/json or a browser's list; 406 when the
Accept header excludes them (issue 22, finding 11)."""

from tests.helpers import create_teacher
from tests.helpers import make_mobility
from tests.helpers import make_space
from tests.helpers import PASSWORD

import csv
import io
import pytest
import transaction
import zipfile


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def project(functional_portal):
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    space = make_space(functional_portal["projects"], "teacher-ana-es", "teacher-luca-it", "running")
    make_mobility(space, "teacher-ana-es")
    transaction.commit()
    return space


@pytest.fixture
def curl(request_factory):
    """The founder's plain HTTP client, at the site's own URLs (not ++api++), with the Accept given."""

    def get(path: str, accept: str | None):
        session = request_factory(basic_auth=("teacher-ana-es", PASSWORD), api=False)
        return session.get(path, headers={"Accept": accept})  # None: no Accept header at all

    return get


@pytest.mark.parametrize(
    "accept", [None, "*/*", "application/zip", "application/json", BROWSER, "application/*"]
)
def test_export_is_a_zip_for_any_client(project, curl, accept):
    response = curl("projects/space/@export", accept)

    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"] == "application/zip"
    assert 'filename="space.zip"' in response.headers["Content-Disposition"]
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


@pytest.mark.parametrize("accept", [None, "*/*", "text/csv", "application/json", BROWSER, "text/*"])
def test_report_csv_for_any_client(project, curl, accept):
    response = curl("projects/space/@report?format=csv", accept)

    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["title"] for row in rows] == ["Job shadowing in Genova"]


@pytest.mark.parametrize(
    "path,accept",
    [
        ("projects/space/@export", "text/html"),
        ("projects/space/@export", "image/png"),
        ("projects/space/@export", "application/zip;q=0, */*"),
        ("projects/space/@report?format=csv", "text/html"),
        ("projects/space/@report?format=csv", "application/zip"),
        ("projects/space/@report?format=csv", "text/csv;q=0, text/*"),
    ],
)
def test_an_accept_header_that_excludes_the_download_is_406(project, curl, path, accept):
    response = curl(path, accept)

    assert response.status_code == 406, response.text[:500]
    assert "excludes" in response.text


def test_text_csv_alone_asks_for_the_csv(project, curl):
    response = curl("projects/space/@report", "text/csv")

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize("accept", [None, "*/*"])
def test_the_json_report_for_a_plain_client(project, curl, accept):
    response = curl("projects/space/@report", accept)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["project"]["title"] == "Project space"


@pytest.mark.parametrize("accept", [None, "*/*", "application/zip"])
def test_the_downloads_keep_their_permission(project, request_factory, accept):
    create_teacher("teacher-eva-es", "ES")
    transaction.commit()
    stranger = request_factory(basic_auth=("teacher-eva-es", PASSWORD), api=False)
    anonymous = request_factory(api=False)

    for session in (stranger, anonymous):
        for path in ("projects/space/@export", "projects/space/@report?format=csv"):
            response = session.get(path, headers={"Accept": accept}, allow_redirects=False)
            assert response.status_code in (302, 401, 403), (path, response.status_code)
            assert b"manifest.json" not in response.content and b"key_action" not in response.content


@pytest.mark.parametrize("accept", [None, "*/*", BROWSER])
def test_other_pages_are_not_taken_over(project, curl, accept):
    """The downloads' registrations leave the space's own page to the browser."""
    response = curl("projects/space", accept)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
