"""Attacker stories: an anonymous visitor reads members-only fields through ``@search``.

A validated project's public summary is title, description, countries,
languages, subjects, ages and state (and whether it is linked to Erasmus+). Its
dates, its partner founder and who wrote what inside it are for its members: no
catalog column shows them and no index answers a query about them.
"""

from collective.twinning.content.twinspace import MEMBERS_ONLY_FIELDS
from collective.twinning.upgrades.v1003_private_catalog import upgrade
from datetime import date
from plone import api
from plone.indexer.interfaces import IIndexer
from Products.CMFCore.indexing import processQueue
from tests.helpers import create_teacher
from tests.helpers import make_space
from zope.component import queryMultiAdapter

import Missing
import pytest
import transaction


PRIVATE_VALUES = {
    "start": date(2026, 9, 14),
    "end": date(2027, 6, 18),
    "pupils_count": 23,
    "erasmus_project_reference": "2025-1-ES01-KA122-SCH-000123456",
}


def running_space(portal):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-ben", "IT")
    space = make_space(portal["projects"], "teacher-ana", "teacher-ben", "running")
    for name, value in PRIVATE_VALUES.items():
        setattr(space, name, value)
    with api.env.adopt_user(username="teacher-ana"):
        page = api.content.create(container=space, type="Page", id="page", title="Our work")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=page, transition="publish")
    space.reindexObject()
    return space


@pytest.fixture
def space(functional_portal):
    space = running_space(functional_portal)
    transaction.commit()
    return space


def test_all_metadata_of_a_public_project_holds_no_members_only_value(space, session_for):
    response = session_for("anonymous").get("@search", params={"UID": space.UID(), "metadata_fields": "_all"})
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["title"] == space.title  # the public summary is there
    for name in ("start", "end", "Creator", "listCreators", *MEMBERS_ONLY_FIELDS):
        assert item.get(name) in (None, []), name
    text = response.text
    for value in ("2026-09-14", "2027-06-18", "teacher-ana", "teacher-ben", "000123456"):
        assert value not in text


@pytest.mark.parametrize(
    "query",
    [
        {"start.query": "2026-09-14", "start.range": "min"},
        {"start.query": "2026-09-01", "start.range": "min"},
        {"end.query": "2027-12-31", "end.range": "max"},
        {"Creator": "teacher-ana"},
    ],
)
def test_queries_on_private_values_answer_nothing(space, session_for, query):
    """Without the fix, each query finds the project: a yes about a private value."""
    response = session_for("anonymous").get("@search", params={"portal_type": "TwinSpace", **query})
    assert response.status_code == 200
    assert response.json()["items_total"] == 0


def test_pupils_and_teachers_in_a_space_are_not_authors_in_the_catalog(space, session_for):
    response = session_for("anonymous").get(
        "@search", params={"path": "/plone/projects/space/page", "metadata_fields": "_all"}
    )
    (item,) = response.json()["items"]
    assert item["Creator"] is None and not item["listCreators"]
    found = session_for("anonymous").get("@search", params={"Creator": "teacher-ana"})
    assert found.json()["items_total"] == 0


def test_members_still_read_the_dates_from_the_project(space, session_for):
    """What the catalog no longer holds, a member reads where they may: the item itself."""
    body = session_for("teacher-ana").get("projects/space").json()
    assert body["start"] == "2026-09-14" and body["end"] == "2027-06-18"
    assert "start" not in session_for("anonymous").get("projects/space").json()


def test_every_members_only_field_has_no_catalog_value(portal):
    catalog = api.portal.get_tool("portal_catalog")
    space = running_space(portal)
    processQueue()
    for name in MEMBERS_ONLY_FIELDS:
        indexer = queryMultiAdapter((space, catalog), IIndexer, name=name)
        assert indexer is not None, name
        with pytest.raises(AttributeError):
            indexer()


def test_upgrade_takes_old_values_out(portal):
    """A site catalogued before: dates and authors in the records until the upgrade runs."""
    catalog = api.portal.get_tool("portal_catalog")
    space = running_space(portal)
    processQueue()
    rid = catalog.getrid("/".join(space.getPhysicalPath()))

    class Old:  # what the catalog read before
        start = space.start
        end = space.end

        def Creator(self):
            return "teacher-ana"

    for name in ("start", "end", "Creator"):
        catalog._catalog.getIndex(name).index_object(rid, Old())
    record, schema = list(catalog._catalog.data[rid]), catalog._catalog.schema
    record[schema["start"]], record[schema["Creator"]] = space.start, "teacher-ana"
    catalog._catalog.data[rid] = tuple(record)
    since = {"query": date(2020, 1, 1), "range": "min"}
    assert catalog.unrestrictedSearchResults(Creator="teacher-ana")
    assert catalog.unrestrictedSearchResults(portal_type="TwinSpace", start=since)

    upgrade()

    assert not catalog.unrestrictedSearchResults(Creator="teacher-ana")
    assert not catalog.unrestrictedSearchResults(portal_type="TwinSpace", start=since)
    assert not catalog.unrestrictedSearchResults(portal_type="TwinSpace", end=since)
    metadata = catalog.getMetadataForRID(rid)
    assert metadata["start"] is Missing.Value and metadata["Creator"] is Missing.Value
    assert metadata["Title"] == space.title  # the rest is untouched
