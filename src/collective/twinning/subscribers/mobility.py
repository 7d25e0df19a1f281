"""A new mobility stores its sending country (by default, its creator's)."""

from collective.twinning.content.mobility import IMobility
from zope.schema import getFields


def store_defaults(mobility, event) -> None:
    if "sending_country" not in mobility.__dict__:
        field = getFields(IMobility)["sending_country"].bind(mobility)
        mobility.sending_country = field.default
        mobility.reindexObject(idxs=["twinning_countries", "twinning_summary"])
