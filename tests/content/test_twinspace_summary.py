"""A validated project's summary is public; the rest of its fields are for its members."""

from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.helpers import PASSWORD

import pytest
import transaction


SUMMARY = {"title", "description", "countries", "languages", "subjects", "age_from", "age_to", "review_state"}
MEMBERS_ONLY = {
    "aims",
    "work_process",
    "expected_results",
    "pupils_count",
    "cofounder",
    "erasmus_key_action",
    "erasmus_project_reference",
    "start",
    "end",
}


@pytest.fixture
def space_url(functional_portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    create_account("member-olga", "ES")
    create_account("observer-pau", "ES")
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", "running")
    with as_system():
        Roster(space).set("observer-pau", "TwinSpaceObserver")
    transaction.commit()
    return "/projects/space"


@pytest.mark.parametrize(
    "who,sees_all",
    [(None, False), ("member-olga", False), ("observer-pau", True), ("teacher-luca", True)],
)
def test_fields_by_viewer(request_factory, space_url, who, sees_all):
    session = request_factory(basic_auth=(who, PASSWORD)) if who else request_factory()
    body = session.get(space_url).json()
    assert set(body) >= SUMMARY
    assert body["countries"] == [{"token": "ES", "title": "Spain"}, {"token": "IT", "title": "Italy"}]
    if sees_all:
        assert set(body) >= MEMBERS_ONLY
    else:
        assert not MEMBERS_ONLY & set(body)
