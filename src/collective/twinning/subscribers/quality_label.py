"""Freeze the computed defaults of a new Quality Label application."""

from collective.twinning.content.quality_label import IQualityLabel
from zope.schema import getFields


DEFAULTED_FIELDS = ("applicant", "school_year")


def store_defaults(application, event) -> None:
    """Store applicant and school year when the creator left them to their defaults.

    Dexterity computes an unset field's default on every read, so the current
    user and today's school year would change with whoever reads it, and when.
    """
    fields = getFields(IQualityLabel)
    for name in DEFAULTED_FIELDS:
        if name not in application.__dict__:
            field = fields[name].bind(application)
            setattr(application, name, field.default)
