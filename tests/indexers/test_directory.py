"""The search indexes hold what an item holds itself, never what it acquires."""

from plone import api
from Products.CMFCore.indexing import processQueue
from tests.helpers import create_teacher
from tests.helpers import make_space

import pytest


def indexed(**query):
    """What the catalog holds, whoever may see it (this is about indexing, not security)."""
    catalog = api.portal.get_tool("portal_catalog")
    processQueue()
    return catalog.unrestrictedSearchResults(**query)


@pytest.fixture
def page_in_space(portal):
    create_teacher("teacher-ana-es", "ES")
    space = make_space(portal["projects"], "teacher-ana-es", None, "draft")
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(container=space, type="Page", id="page", title="A page")
    return space, page


@pytest.mark.parametrize("index,value", [("languages", "en"), ("subjects", "art"), ("age_from", 8)])
def test_pages_are_not_indexed_with_their_space_values(page_in_space, index, value):
    space, _page = page_in_space
    assert {brain.getId for brain in indexed(**{index: value})} == {space.getId()}


def test_space_country_comes_from_its_founders(page_in_space):
    space, _page = page_in_space
    assert [brain.getId for brain in indexed(country="ES")] == [space.getId()]
