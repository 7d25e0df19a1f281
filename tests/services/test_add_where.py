"""Through REST: who may create projects, groups and postings, and where."""

from plone import api

import pytest
import transaction


PASSWORD = "secret-pass-2026"
DENIED = (401, 403)  # Zope answers 401 to an authenticated user lacking a permission


@pytest.fixture
def accounts(functional_portal):
    api.user.create(email="ines@example.org", username="teacher-ines", password=PASSWORD)
    api.user.grant_roles(username="teacher-ines", roles=["Teacher"])
    api.user.create(email="olaf@example.org", username="member-olaf", password=PASSWORD)
    transaction.commit()


@pytest.mark.parametrize(
    "userid,portal_type,path,expected",
    [
        ("teacher-ines", "TwinSpace", "projects", 201),
        ("teacher-ines", "Group", "groups", 201),
        ("teacher-ines", "PartnerPosting", "partner-finding", 201),
        ("teacher-ines", "TwinSpace", "", DENIED),  # not at the site root
        ("teacher-ines", "TwinSpace", "groups", DENIED),  # not in another container
        ("member-olaf", "TwinSpace", "projects", DENIED),
        ("member-olaf", "PartnerPosting", "partner-finding", DENIED),
    ],
)
def test_create_where(request_factory, accounts, payloads, userid, portal_type, path, expected):
    session = request_factory(basic_auth=(userid, PASSWORD))
    response = session.post(f"/{path}", json=payloads[portal_type])
    if expected == 201:
        assert response.status_code == 201, response.text
    else:
        assert response.status_code in DENIED, response.text


def test_teacher_owns_the_created_project(functional_portal, request_factory, accounts, payloads):
    session = request_factory(basic_auth=("teacher-ines", PASSWORD))
    created = session.post("/projects", json=payloads["TwinSpace"]).json()
    transaction.begin()  # see what the server thread committed
    project = functional_portal["projects"][created["id"]]
    assert project.Creator() == "teacher-ines"
    assert "Owner" in api.user.get_roles(username="teacher-ines", obj=project)
    assert "TwinSpaceAdmin" in api.user.get_roles(username="teacher-ines", obj=project)
    assert api.content.get_state(obj=project) == "draft"
