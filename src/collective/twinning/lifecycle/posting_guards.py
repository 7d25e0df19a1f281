"""Workflow guard helpers of posting_workflow."""

from AccessControl import getSecurityManager
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.lifecycle.guards import ADMINISTRATORS
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from collective.twinning.membership.roles import TEACHER
from Products.Five.browser import BrowserView


class PostingGuards(BrowserView):
    def _roles(self) -> set[str]:
        return set(getSecurityManager().getUser().getRolesInContext(self.context))

    def may_publish_posting(self) -> bool:
        """Its author publishes it, while a validated teacher."""
        roles = self._roles()
        return bool(ADMINISTRATORS & roles) or {"Owner", TEACHER} <= roles

    def may_close_posting(self) -> bool:
        """Its author, a European validator or a validator of the posting's country."""
        roles = self._roles()
        if ADMINISTRATORS & roles or "Owner" in roles or EUROPEAN_VALIDATOR in roles:
            return True
        userid = getSecurityManager().getUser().getId()
        if userid is None:  # anonymous
            return False
        return getattr(self.context, "country", None) in validator_countries(userid)
