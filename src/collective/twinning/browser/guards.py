"""Workflow guard helpers, called from twinspace_workflow's guard expressions."""

from AccessControl import getSecurityManager
from collective.twinning.membership.roster import founders
from Products.Five.browser import BrowserView


ADMINISTRATORS = frozenset({"Manager", "Site Administrator"})


class TwinSpaceGuards(BrowserView):
    def is_founder(self) -> bool:
        """Only the founders (or administrators) submit and retract their project."""
        user = getSecurityManager().getUser()
        if ADMINISTRATORS & set(user.getRolesInContext(self.context)):
            return True
        return user.getId() in founders(self.context)

    def may_submit(self) -> bool:
        """A founder submits, once the project has a country whose service validates it."""
        return bool(getattr(self.context, "countries", ())) and self.is_founder()
