"""The ``country`` member property: checked against the countries vocabulary."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.errors import unknown_value
from collective.twinning.services.base import not_an_object
from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import json


COUNTRIES = "collective.twinning.vocabularies.Countries"


def user_body(request) -> dict:
    """The JSON object of a @users call, or 400 (plone.restapi would answer 500)."""
    try:
        data = json.loads(request.get("BODY") or b"")
    except ValueError:  # also an empty body, and UnicodeDecodeError
        raise not_an_object() from None
    if not isinstance(data, dict):
        raise not_an_object()
    return data


def check_country(data, required: bool) -> None:
    """Raise 400 naming ``country`` when it is missing (if required) or unknown."""
    if not isinstance(data, dict):
        return  # restapi answers malformed bodies itself
    country = data.get("country")
    if country in (None, ""):
        if required:
            raise FieldError(
                "country", _("country is required: the national service of your country validates you.")
            )
        return
    vocabulary = getUtility(IVocabularyFactory, COUNTRIES)(api.portal.get())
    if not isinstance(country, str) or country not in vocabulary:
        raise unknown_value("country", country)
