from collective.twinning.errors import unknown_value
from collective.twinning.reports.project import mobilities_csv
from collective.twinning.reports.project import project_report
from collective.twinning.services.export.download import acceptable
from collective.twinning.services.export.download import asks_for
from collective.twinning.services.export.download import attachment
from collective.twinning.services.export.download import not_acceptable
from plone.restapi.services import Service
from Products.Five.browser import BrowserView

import json
import re


FORMATS = ("json", "csv")
CSV = "text/csv"
JSON = "application/json"


def report_format(request) -> str:
    """``format`` when given; otherwise CSV for a client that asks for text/csv, else JSON."""
    value = request.form.get("format")
    if value is None:
        return "csv" if asks_for(request, CSV) and not asks_for(request, JSON) else "json"
    if value not in FORMATS:
        raise unknown_value("format", value)
    return value


def csv_download(space, request) -> bytes:
    report = project_report(space)
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", space.getId()).strip("-") or "project"
    body = mobilities_csv(report["mobilities"]).encode("utf-8")
    return attachment(request, "text/csv; charset=utf-8", f"{name}-mobilities.csv", body)


class ReportGet(Service):
    """``@report?format=json`` (default) or ``format=csv`` (the mobility table), for REST clients
    (Accept: application/json, text/csv, or the ++api++ path)."""

    def render(self):
        if report_format(self.request) != "csv":
            return super().render()
        self.check_permission()  # plone.restapi's "Use REST API", as render() does
        return csv_download(self.context, self.request)

    def reply(self):
        return project_report(self.context)


class ReportDownload(BrowserView):
    """The same report for every other client (no Accept, ``*/*``, a browser); 406 if excluded."""

    def __call__(self):
        fmt = report_format(self.request)
        media_type = CSV if fmt == "csv" else JSON
        if not acceptable(self.request, media_type):
            return not_acceptable(self.request, media_type)
        if fmt == "csv":
            return csv_download(self.context, self.request)
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(project_report(self.context), ensure_ascii=False).encode("utf-8")
