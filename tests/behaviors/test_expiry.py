"""A posting's expiry day is Plone's expiration date, so the catalog hides it once past."""

from collective.twinning.behaviors.expiry import IExpiry
from datetime import date
from datetime import timedelta
from plone import api
from zope.schema.interfaces import TooSmall

import pytest


@pytest.fixture
def posting(portal):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["partner-finding"],
            type="PartnerPosting",
            id="posting",
            title="Looking for a partner",
            partnership_type="etwinning_project",
            looking_for="partner_school",
            country="ES",
        )


def test_expires_round_trip(posting):
    IExpiry(posting).expires = date(2027, 6, 30)
    assert IExpiry(posting).expires == date(2027, 6, 30)
    assert posting.expires().ISO8601().startswith("2027-06-30T23:59:59")
    assert "expires" not in posting.__dict__


def test_clear_expiry(posting):
    IExpiry(posting).expires = date(2027, 6, 30)
    IExpiry(posting).expires = None
    assert IExpiry(posting).expires is None


@pytest.mark.parametrize("days,visible", [(1, True), (0, True), (-1, False)])
def test_expired_posting_hidden_from_catalog_searches(posting, days, visible):
    IExpiry(posting).expires = date.today() + timedelta(days=days)
    posting.reindexObject()
    catalog = api.portal.get_tool("portal_catalog")
    # The test user is a plain Member: no "Access inactive portal content".
    found = [b.getId for b in catalog(portal_type="PartnerPosting")]
    assert ("posting" in found) is visible


@pytest.mark.parametrize("day", [date(872, 8, 18), date(1, 1, 1), date(1999, 12, 31)])
def test_expires_before_2000_is_refused(day):
    """The field refuses it (400 through REST); DateTime could not even store it."""
    with pytest.raises(TooSmall):
        IExpiry["expires"].validate(day)


def test_expires_from_2000_is_accepted():
    IExpiry["expires"].validate(date(2000, 1, 1))
