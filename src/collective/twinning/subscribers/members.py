"""A deleted account leaves every TwinSpace roster."""

from collective.twinning.membership.roster import forget_member


def account_deleted(principal, event) -> None:
    userid = principal if isinstance(principal, str) else principal.getId()
    forget_member(userid)
