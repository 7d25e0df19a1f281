"""Self-registration is on, lets teachers choose a password and asks for their country."""

from plone import api

import pytest


@pytest.mark.parametrize("record", ["plone.enable_self_reg", "plone.enable_user_pwd_choice"])
def test_registry(portal, record):
    assert api.portal.get_registry_record(record) is True


def test_anonymous_may_register(portal):
    roles = {entry["name"] for entry in portal.rolesOfPermission("Add portal member") if entry["selected"]}
    assert "Anonymous" in roles


@pytest.mark.parametrize("form", ["registration", ""])
def test_user_schema_asks_for_country(request_factory, form):
    """The registration form and the profile form both carry `country`, with the countries."""
    response = request_factory().get(f"/@userschema/{form}".rstrip("/"))
    assert response.status_code == 200
    schema = response.json()
    assert "country" in schema["properties"]
    if form == "registration":
        assert "country" in schema["required"]
    assert schema["properties"]["country"]["vocabulary"]["@id"].endswith(
        "@vocabularies/collective.twinning.vocabularies.Countries"
    )
