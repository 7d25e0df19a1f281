"""Warming a process's connections for the directory searches (search/warmup.py)."""

from App.config import getConfiguration
from collective.twinning.search import bitmaps
from collective.twinning.search import entries
from collective.twinning.search import warmup
from collective.twinning.search.specs import ORGANISATIONS
from collective.twinning.search.specs import PEOPLE
from collective.twinning.search.specs import POSTINGS
from collective.twinning.search.specs import PROJECTS
from plone import api
from tests.search.conftest import search
from types import SimpleNamespace
from zope.component import getGlobalSiteManager
from zope.processlifetime import IDatabaseOpenedWithRoot

import logging
import pytest
import threading
import transaction
import ZODB


SEARCHES = [  # spec, request parameters
    (PEOPLE, {}),
    (PEOPLE, {"country": ["ES", "FR"], "language": "en"}),
    (ORGANISATIONS, {"country": "ES"}),
    (POSTINGS, {"include_expired": "true", "language": "en"}),
    (PROJECTS, {"kind": "european", "language": "it"}),
]


def inner_catalog():
    return api.portal.get_tool("portal_catalog")._catalog


def loaded(persistent) -> bool:
    """Whether an object's state is in memory (reading _p_changed loads nothing)."""
    return persistent._p_changed is not None


def record_tables(catalog) -> dict:
    return {index_id: catalog.getIndex(index_id)._unindex
            for index_id in warmup.search_indexes()}


@pytest.fixture
def minimized(committed):
    """The committed population with the connection's cache emptied (all ghosts)."""
    api.portal.get()._p_jar.cacheMinimize()
    return committed


@pytest.fixture
def product_config(monkeypatch):
    """Set the collective.twinning product-config as zope.conf would."""
    config = getConfiguration()

    def set_config(section: dict | None):
        configs = {} if section is None else {"collective.twinning": section}
        monkeypatch.setattr(config, "product_config", configs, raising=False)

    return set_config


def test_the_searches_indexes_are_the_catalog_s_and_no_text_index(portal):
    indexes = warmup.search_indexes()
    catalog = api.portal.get_tool("portal_catalog")._catalog
    assert len(indexes) == len(set(indexes))
    for index_id in ("portal_type", "allowedRolesAndUsers", "review_state", "country",
                     "languages", "member_type", "organisation_type", "topics",
                     "project_kind", "sortable_title", "created"):
        assert index_id in indexes
    for index_id in indexes:
        assert catalog.getIndex(index_id).meta_type != "ZCTextIndex"
    assert "SearchableText" not in indexes


def test_clause_indexes_come_before_sort_only_indexes():
    """The entries of every filter's index are loaded before those of an index the searches
    only sort by (sortable_title: its entries alone can spend the budget)."""
    indexes = warmup.search_indexes()
    filtered = {f.index for spec in warmup.SEARCHES for f in spec.filters if f.kind != "text"}
    sort_only = {index for spec in warmup.SEARCHES
                 for index, _order in spec.sorting.choices.values()} - filtered
    assert sort_only == {"sortable_title"}
    assert "created" in filtered  # registered_since
    last_clause = max(indexes.index(index_id) for index_id in filtered)
    assert all(indexes.index(index_id) > last_clause for index_id in sort_only)


def test_directory_records_are_the_four_types(committed):
    catalog = inner_catalog()
    expected = {
        brain.getRID()
        for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type=["TeacherProfile", "Organisation", "PartnerPosting", "TwinSpace"])
    }
    found = warmup.directory_records(catalog)
    assert found == sorted(found) and set(found) == expected and len(expected) >= 20


def test_warm_site_loads_record_tables_metadata_and_entries(minimized):
    catalog = inner_catalog()
    tables = record_tables(catalog)
    assert not any(loaded(table) for table in tables.values())
    assert not loaded(catalog.data) and not loaded(catalog.paths)
    warmed = warmup.warm_site(api.portal.get())
    assert warmed["record_tables"] == list(tables)
    assert warmed["entries"] == list(tables)
    assert warmed["records"] == len(warmup.directory_records(catalog))
    assert all(loaded(table) for table in tables.values())
    assert loaded(catalog.data) and loaded(catalog.paths)
    spain = catalog.getIndex("country")._index["ES"]  # several profiles, schools, postings
    assert loaded(spain)


def test_allowed_roles_entries_but_the_users_own(minimized):
    index = inner_catalog().getIndex("allowedRolesAndUsers")
    warmup.warm_site(api.portal.get())
    shared = warmup.shared_entries(index)
    tokens = list(index._index.keys())
    users = [token for token in tokens if token.startswith("user:")]
    assert users and len(shared) == len(tokens) - len(users)
    assert all(not hasattr(entry, "_p_changed") or loaded(entry) for entry in shared)


def test_warm_site_stops_when_the_budget_is_spent(minimized, monkeypatch):
    left = iter([True, True, True])
    monkeypatch.setattr(warmup._Budget, "left", lambda self: next(left, False))
    warmed = warmup.warm_site(api.portal.get())
    assert warmed == {"record_tables": warmup.search_indexes()[:3], "records": 0,
                      "entries": []}
    tables = record_tables(inner_catalog())
    assert [index_id for index_id, table in tables.items() if loaded(table)] == \
        warmup.search_indexes()[:3]


@pytest.mark.parametrize("share,loads", [(0, False), (warmup.CACHE_SHARE, True)])
def test_the_budget_is_a_share_of_the_cache_target(minimized, monkeypatch, share, loads):
    monkeypatch.setattr(warmup, "CACHE_SHARE", share)
    warmed = warmup.warm_site(api.portal.get())
    assert bool(warmed["record_tables"]) is loads
    assert loaded(inner_catalog().getIndex("country")._unindex) is loads


def test_the_budget_counts_from_what_the_cache_held_before(minimized, monkeypatch):
    """A connection that served (or generated) a while is warmed too: what it held
    before does not count towards the warm-up's share."""
    connection = api.portal.get()._p_jar
    for folder in ("people", "projects", "organisations", "partner-finding"):
        for obj in api.portal.get()[folder].objectValues():  # loads them
            obj.getId()
    held = connection._cache.cache_non_ghost_count
    monkeypatch.setattr(warmup, "CACHE_SHARE", held / connection._cache.cache_size)
    warmed = warmup.warm_site(api.portal.get())
    assert warmed["record_tables"]  # counted from zero, the share was spent before it began
    assert connection._cache.cache_non_ghost_count - held >= held


def test_clause_indexes_are_the_plain_clauses_and_facets():
    found = warmup.clause_indexes()
    assert found["portal_type"] is False and found["allowedRolesAndUsers"] is False
    assert found["review_state"] is True  # fixed for people and postings, a facet of projects
    for facet in ("country", "languages", "subjects", "member_type", "topics", "project_kind"):
        assert found[facet] is True
    for other in ("SearchableText", "sortable_title", "created", "region", "organisation_uid"):
        assert other not in found


def test_warm_process_makes_the_copies_and_masks_searches_use(committed):
    catalog = api.portal.get_tool("portal_catalog")
    made = warmup.warm_process(api.portal.get())
    country = catalog._catalog.getIndex("country")
    roles = catalog._catalog.getIndex("allowedRolesAndUsers")
    values = warmup.shared_values(country)
    copies = entries.kept_copies(catalog, country, values)
    assert copies is not None  # every value copied: searches read no tree set
    assert [set(copy) for copy in copies] == [set(country._index[v]) if not isinstance(
        country._index[v], int) else {country._index[v]} for v in values]
    shared = warmup.shared_values(roles)
    assert "Anonymous" in shared and not any(v.startswith("user:") for v in shared)
    assert entries.kept_copies(catalog, roles, shared) is not None
    assert entries.kept_copies(catalog, roles, ["user:teacher-ana-es"]) is None
    masks = bitmaps.for_catalog(catalog)
    for value, copy in zip(values, copies):  # the kept masks, made from those copies
        found = masks.kept[bitmaps.entry_key(country, value)]
        assert found[0] is copy and found[1] == masks.bits(copy)
    assert made["masks"] >= len(values) and made["copies"] > made["masks"]


def test_searches_after_warm_process_answer_as_before(committed):
    before = [search(spec, params) for spec, params in SEARCHES]
    for kept in (entries, bitmaps):
        kept.clear()
    warmup.warm_process(api.portal.get())
    assert [search(spec, params) for spec, params in SEARCHES] == before


def test_only_the_first_connection_makes_the_process_s_copies(committed, monkeypatch):
    calls = []
    monkeypatch.setattr(warmup, "warm_process", lambda site: calls.append(site) or {
        "copies": 1, "masks": 0})
    warmed = warmup.warm_pool(api.portal.get()._p_jar.db(), 3)
    assert len(calls) == 1 and len(warmed) == 3
    assert ["copies" in entry for entry in warmed] == [True, False, False]


def test_warm_pool_warms_other_connections_and_gives_them_back(committed, monkeypatch):
    portal = api.portal.get()
    db = portal._p_jar.db()
    used = []
    real = warmup.warm_site

    def recording(site):
        used.append(site._p_jar)
        return real(site)

    monkeypatch.setattr(warmup, "warm_site", recording)
    warmed = warmup.warm_pool(db, 2)
    assert [entry["site"] for entry in warmed] == [portal.getId()] * 2
    assert len(set(map(id, used))) == 2 and portal._p_jar not in used
    assert all(connection.opened is None for connection in used)  # closed: in the pool
    manager = transaction.TransactionManager()
    again = db.open(transaction_manager=manager)  # the one given back last
    try:
        assert again in used
        catalog = again.root()["Application"][portal.getId()].portal_catalog._catalog
        assert loaded(catalog.getIndex("country")._unindex)
    finally:
        manager.abort()
        again.close()


@pytest.mark.parametrize("asked,opened", [(2, 2), (50, 7)])
def test_warm_pool_of_a_database_without_zope_s_application(asked, opened):
    db = ZODB.DB(None)  # in memory, an empty root; a pool of 7
    try:
        assert warmup.warm_pool(db, asked) == []
        assert len(db.pool.available) == opened  # given back
    finally:
        db.close()


def test_the_log_line_sums_up_what_was_loaded(monkeypatch, caplog):
    warmed = [{"site": "Plone", "record_tables": ["country", "languages"], "records": 1200,
               "entries": ["country"]}]
    monkeypatch.setattr(warmup, "warm_pool", lambda db, connections: warmed)
    with caplog.at_level(logging.INFO, logger=warmup.__name__):
        warmup._warm_in_background("the database", 1)
    assert "Directory searches warmed in" in caplog.text
    assert "Plone: 2 record tables, 1200 records, 1 indexes' entries" in caplog.text


@pytest.mark.parametrize("section,connections", [
    (None, warmup.DEFAULT_CONNECTIONS),
    ({}, warmup.DEFAULT_CONNECTIONS),
    ({"warmup-connections": "3"}, 3),
    ({"warmup-connections": "0"}, 0),
    ({"warmup-connections": "-2"}, 0),
    ({"warmup-connections": "many"}, 0),
])
def test_configured_connections(product_config, section, connections):
    product_config(section)
    assert warmup.configured_connections() == connections


def test_the_subscriber_is_registered_for_the_database_opening():
    handlers = [registration.handler for registration
                in getGlobalSiteManager().registeredHandlers()
                if IDatabaseOpenedWithRoot in registration.required]
    assert warmup.database_opened in handlers


def test_database_opened_warms_in_a_background_thread(product_config, monkeypatch):
    product_config({"warmup-connections": "3"})
    called = threading.Event()
    seen = {}

    def warm_pool(db, connections):
        seen.update(db=db, connections=connections, thread=threading.current_thread().name)
        called.set()
        return []

    monkeypatch.setattr(warmup, "warm_pool", warm_pool)
    warmup.database_opened(SimpleNamespace(database="the database"))
    assert called.wait(10)
    assert seen == {"db": "the database", "connections": 3, "thread": "twinning-warmup"}


def test_no_warm_up_when_turned_off(product_config, monkeypatch):
    product_config({"warmup-connections": "0"})
    monkeypatch.setattr(warmup, "Thread", lambda **kw: pytest.fail("a thread was started"))
    warmup.database_opened(SimpleNamespace(database="the database"))


def test_a_failing_warm_up_is_logged_not_raised(monkeypatch, caplog):
    def failing(db, connections):
        raise RuntimeError("storage gone")

    monkeypatch.setattr(warmup, "warm_pool", failing)
    with caplog.at_level(logging.ERROR, logger=warmup.__name__):
        warmup._warm_in_background("the database", 1)
    assert "Warming the directory searches failed" in caplog.text
    assert "storage gone" in caplog.text
