"""The benchmark's profiles without accounts (bench/build.py, ``--accounts``) are catalogued
as the profiles the add-on makes when an account is approved: people search reads only the
catalog, so a run with them measures what a portal with as many teachers would."""

from collective.twinning.directory.profiles import sync_profile
from plone import api
from Products.CMFCore.indexing import processQueue
from tests.helpers import create_teacher
from types import SimpleNamespace

import importlib.util
import pathlib
import pytest
import sys


BENCH = pathlib.Path(__file__).resolve().parents[2] / "bench"
# Differ by the object, not by how it was made.
OWN = {
    "UID",
    "created",
    "modified",
    "effective",
    "Date",
    "path",
    "getId",
    "id",
    "getObjPositionInParent",
    "getRawRelatedItems",
}


@pytest.fixture
def bench_build(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))  # build.py imports its neighbours
    spec = importlib.util.spec_from_file_location("bench_build", BENCH / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("population", None)


def comparable(value, userid: str = "") -> str:
    if isinstance(value, (list, tuple)):
        value = sorted(value, key=repr)
    text = repr(value)
    return text.replace(userid, "maria-rossi-unlisted") if userid else text


def index_data(profile) -> dict:
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(profile.getPhysicalPath()))
    return catalog._catalog.getIndexDataForRID(rid)


def test_a_profile_without_account_is_catalogued_like_an_approved_one(portal, bench_build):
    create_teacher("maria-rossi-approved", "IT")
    approved = sync_profile("maria-rossi-approved")
    record = SimpleNamespace(userid="maria-rossi-unlisted", fullname=approved.fullname, country="IT")
    made = bench_build.profile_without_account(portal, record)
    assert made.getId() == "maria-rossi-unlisted"
    assert api.content.get_state(obj=made) == api.content.get_state(obj=approved) == "visible"
    expected = {
        name: comparable(value, "maria-rossi-approved")
        for name, value in index_data(approved).items()
        if name not in OWN
    }
    found = {name: comparable(value) for name, value in index_data(made).items() if name not in OWN}
    assert found == expected
    assert "user:maria-rossi-unlisted" in index_data(made)["allowedRolesAndUsers"]
    assert api.user.get(userid="maria-rossi-unlisted") is None
