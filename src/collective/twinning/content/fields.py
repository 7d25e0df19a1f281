"""Field factories used by several schemas, so the same field reads the same everywhere."""

from collective.twinning import _
from datetime import date
from plone.app.vocabularies.catalog import CatalogSource
from z3c.relationfield.schema import RelationChoice
from zope import schema


COUNTRIES = "collective.twinning.vocabularies.Countries"
LANGUAGES = "collective.twinning.vocabularies.Languages"
SUBJECTS = "collective.twinning.vocabularies.Subjects"
VOCATIONAL_SUBJECTS = "collective.twinning.vocabularies.VocationalSubjects"

MIN_PUPIL_AGE = 3
MAX_PUPIL_AGE = 20


def choice_list(title, vocabulary: str, required: bool = False, description=""):
    """A multi-valued choice from a named vocabulary; required means at least one."""
    empty = None if required else []
    return schema.List(
        title=title,
        description=description,
        value_type=schema.Choice(vocabulary=vocabulary),
        required=required,
        min_length=1 if required else 0,
        default=empty,
        missing_value=empty,
    )


def languages_field(required: bool = False):
    return choice_list(_("Languages"), LANGUAGES, required=required)


def subjects_field(required: bool = False):
    return choice_list(_("Subjects"), SUBJECTS, required=required)


def founders_countries_field():
    """The countries of a place's founders, kept by subscribers.twinspace.update_countries."""
    return schema.Tuple(
        title=_("Countries"),
        value_type=schema.Choice(vocabulary=COUNTRIES),
        readonly=True,
        required=False,
        default=(),
    )


def pupil_age_field(title, required: bool = False):
    return schema.Int(
        title=title,
        min=MIN_PUPIL_AGE,
        max=MAX_PUPIL_AGE,
        required=required,
    )


def organisation_field(title, description=""):
    """A relation to an Organisation of the directory."""
    return RelationChoice(
        title=title,
        description=description,
        source=CatalogSource(portal_type="Organisation"),
        required=False,
    )


# Plone's catalog keeps `start`, `end` and `expires` as minutes in 32-bit integer sets
# (DateIndex): a year past about 4000 overflows them and the save fails with a 500 (found by
# the fuzzer), and DateTime cannot read years before 1000. A school project's dates lie well
# within these bounds.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)


def date_field(title, required: bool = False, **kwargs):
    return schema.Date(title=title, min=EARLIEST_DATE, max=LATEST_DATE, required=required, **kwargs)
