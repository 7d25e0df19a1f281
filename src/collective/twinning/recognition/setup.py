"""/recognition holds the School label calls and the prize rounds (the European service's)."""

from plone.base.interfaces.constrains import ISelectableConstrainTypes


PRIZE_ROUND = "PrizeRound"


def allow_prize_rounds(portal) -> None:
    """European validators add prize rounds in /recognition beside the calls."""
    from collective.twinning.setuphandlers import _grant_locally

    container = portal.get("recognition")
    if container is None:
        return
    constraints = ISelectableConstrainTypes(container)
    allowed = list(constraints.getLocallyAllowedTypes())
    if PRIZE_ROUND not in allowed:
        constraints.setLocallyAllowedTypes([*allowed, PRIZE_ROUND])
        constraints.setImmediatelyAddableTypes([*allowed, PRIZE_ROUND])
    _grant_locally(container, "collective.twinning: Add PrizeRound", ("EuropeanValidator",))
