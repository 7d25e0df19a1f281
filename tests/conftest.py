"""pytest-plone fixtures built from the add-on's test layers."""

from collective.twinning.testing import FUNCTIONAL_TESTING
from collective.twinning.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory
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
