"""Awarded Quality Labels show in @project-search (state, label facet) and on the teacher's profile."""

from collective.twinning.directory.profiles import sync_profile
from collective.twinning.search.specs import PROJECTS
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from tests.helpers import bring_label_to
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_label
from tests.helpers import make_space
from tests.search.conftest import search
from zope.component import getMultiAdapter

import pytest


@pytest.fixture
def labelled(portal):
    """Two running projects of teacher-ana-es; the first gets a national label."""
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    create_validator("validator-es", "ES")
    first = make_space(portal["projects"], "teacher-ana-es", "teacher-luca-it", "running", id_="first")
    make_space(portal["projects"], "teacher-ana-es", "teacher-luca-it", "running", id_="second")
    label = make_label(first, "teacher-ana-es")
    bring_label_to(label, "awarded", "validator-es")
    return first


def test_award_makes_the_project_labelled_and_searchable(labelled):
    result = search(PROJECTS, {"label": "national"}, userid=None)
    assert [item["title"] for item in result["items"]] == ["Project first"]
    assert result["items"][0]["review_state"] == "labelled"
    assert result["items"][0]["labels"] == ["national"]


def test_label_facet_and_state_facet(labelled):
    facets = search(PROJECTS, {}, userid=None)["facets"]
    assert facets["label"] == {"national": 1}
    assert facets["state"] == {"labelled": 1, "running": 1}


def test_unknown_label_level_is_400(labelled):
    from zExceptions import BadRequest

    with pytest.raises(BadRequest, match=r"^label: unknown value 'gold'"):
        search(PROJECTS, {"label": "gold"}, userid=None)


def test_profile_shows_the_awarded_labels(labelled, portal):
    profile = sync_profile("teacher-ana-es")
    with api.env.adopt_user(username="teacher-luca-it"):
        data = getMultiAdapter((profile, portal.REQUEST), ISerializeToJson)()
    assert [(label["project_title"], label["level"]) for label in data["quality_labels"]] == [
        ("Project first", "national")
    ]
    other = getMultiAdapter((sync_profile("teacher-luca-it"), portal.REQUEST), ISerializeToJson)()
    assert other["quality_labels"] == []
