from collective.twinning.reports.project import mobilities_csv
from collective.twinning.reports.project import project_report
from plone.restapi.services import Service
from zExceptions import BadRequest

import re


FORMATS = ("json", "csv")


class ReportGet(Service):
    """``@report?format=json`` (default) or ``format=csv`` (the mobility table)."""

    def _format(self) -> str:
        value = self.request.form.get("format", "json")
        if value not in FORMATS:
            raise BadRequest("format must be json or csv.")
        return value

    def render(self):
        if self._format() != "csv":
            return super().render()
        self.check_permission()  # plone.restapi's "Use REST API", as render() does
        report = project_report(self.context)
        name = re.sub(r"[^A-Za-z0-9_-]+", "-", self.context.getId()).strip("-") or "project"
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", f'attachment; filename="{name}-mobilities.csv"')
        return mobilities_csv(report["mobilities"]).encode("utf-8")

    def reply(self):
        return project_report(self.context)
