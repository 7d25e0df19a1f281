"""Workflow guards of calls, rounds, learning events and School label applications."""

from AccessControl import getSecurityManager
from collective.twinning.recognition import school_label
from collective.twinning.recognition.applications import application_problems
from collective.twinning.recognition.applications import call_of
from collective.twinning.recognition.applications import evaluation_of
from collective.twinning.recognition.applications import may_decide
from collective.twinning.recognition.applications import passes
from collective.twinning.recognition.organisers import may_organise
from Products.Five.browser import BrowserView


class OrganiserGuards(BrowserView):
    def may_organise(self) -> bool:
        """Its country's validators, the European service, administrators."""
        return may_organise(self.context)


class SchoolLabelGuards(BrowserView):
    def _userid(self):
        return getSecurityManager().getUser().getId()

    def may_submit(self) -> bool:
        """The applicant, while the call is open and the school eligible."""
        application = self.context
        if self._userid() != application.applicant or call_of(application) is None:
            return False
        values = {"organisation": application.organisation, "applicant": application.applicant}
        return (
            not application_problems(values, application, existing=application)
            and school_label.eligibility(application.organisation.to_object, call_of(application))["eligible"]
        )

    def may_reject(self) -> bool:
        """A national validator of the school's country, once it is scored."""
        return may_decide(self.context, self._userid()) and evaluation_of(self.context) is not None

    def may_award(self) -> bool:
        return self.may_reject() and passes(self.context)
