"""pytest-plone fixtures built from the add-on's test layers."""

from collective.twinning.testing import FUNCTIONAL_TESTING
from collective.twinning.testing import INTEGRATION_TESTING
from plone import api
from pytest_plone import fixtures_factory
from tests.helpers import PASSWORD
from tests.payloads import valid_payloads

import os
import pytest


# Compile the .po catalogues when Zope registers them (see locales/).
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def payloads() -> dict:
    """A valid REST creation payload per portal type (fresh dicts each test)."""
    return valid_payloads()


@pytest.fixture
def mailhost(portal):
    """The test layer's MockMailHost, emptied (integration tests)."""
    host = api.portal.get_tool("MailHost")
    host.reset()
    return host


@pytest.fixture
def session_for(request_factory):
    """HTTP session for a user id, "anonymous" or "manager" (the site owner; any case)."""

    def factory(userid: str):
        if userid.lower() == "anonymous":
            return request_factory()
        if userid.lower() == "manager":
            return request_factory(role="Manager")
        return request_factory(basic_auth=(userid, PASSWORD))

    return factory
