"""Workflow guard helpers, called from twinspace_workflow's and group_workflow's guard expressions."""

from AccessControl import getSecurityManager
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from collective.twinning.membership.roles import GROUP_ADMIN
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


class GroupGuards(BrowserView):
    def _roles(self) -> set[str]:
        return set(getSecurityManager().getUser().getRolesInContext(self.context))

    def may_approve(self) -> bool:
        """A European validator, a national validator of the creator's country, or an administrator."""
        roles = self._roles()
        if (ADMINISTRATORS | {EUROPEAN_VALIDATOR}) & roles:
            return True
        userid = getSecurityManager().getUser().getId()
        countries = set(getattr(self.context, "countries", ()))
        return bool(userid and countries & validator_countries(userid))

    def may_archive(self) -> bool:
        """The group's admins, besides whoever may approve it."""
        return GROUP_ADMIN in self._roles() or self.may_approve()
