"""Workflow guard helpers, called from twinspace_workflow's and group_workflow's guard expressions."""

from AccessControl import getSecurityManager
from collective.twinning.content.twinspace import space_of
from collective.twinning.labels.eligibility import ELIGIBLE_PROJECT_STATES
from collective.twinning.labels.evaluation import evaluation_of
from collective.twinning.labels.evaluation import may_decide
from collective.twinning.labels.evaluation import passes
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from collective.twinning.membership.roles import GROUP_ADMIN
from collective.twinning.membership.roster import founders
from plone import api
from Products.Five.browser import BrowserView

import re


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


class MobilityGuards(BrowserView):
    """Guards of mobility_workflow (roles are checked by the transitions themselves)."""

    def space_open(self) -> bool:
        """An archived project's mobilities are frozen like the rest of it."""
        space = space_of(self.context)
        return space is None or api.content.get_state(obj=space, default=None) != "archived"

    def may_report(self) -> bool:
        """``reported`` needs a report with some text in it."""
        report = getattr(self.context, "report", None)
        text = getattr(report, "output", None) or getattr(report, "raw", None) or ""
        return self.space_open() and bool(re.sub(r"<[^>]+>|&nbsp;|\s", "", text))


class LabelGuards(BrowserView):
    """Guards of quality_label_workflow."""

    def _userid(self):
        return getSecurityManager().getUser().getId()

    def may_submit(self) -> bool:
        """The applicant submits, while the project may still be labelled."""
        space = space_of(self.context)
        if space is None or api.content.get_state(obj=space, default=None) not in ELIGIBLE_PROJECT_STATES:
            return False
        return self._userid() == self.context.applicant

    def may_reject(self) -> bool:
        """A validator of the label's level (and country) decides, once it is scored."""
        return may_decide(self.context, self._userid()) and evaluation_of(self.context) is not None

    def may_award(self) -> bool:
        """Awarding also needs 5 or more on every criterion."""
        return self.may_reject() and passes(self.context)
