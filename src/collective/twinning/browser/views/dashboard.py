"""The validator dashboard (``@@twinning-dashboard``) and a teacher's ``@@my-space``."""

from collective.twinning import _
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.browser.views.charts import bar_chart
from collective.twinning.browser.views.forms import LabelEvaluation
from collective.twinning.browser.views.learning import my_learning
from collective.twinning.browser.views.school_label import my_recognition
from collective.twinning.labels.evaluation import may_decide
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.lifecycle.checklist import slot_for
from collective.twinning.membership.index import find_places
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.reports.stats import statistics
from collective.twinning.teachers.requests import countries_of_validator
from collective.twinning.teachers.requests import pending_for
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Forbidden
from zExceptions import Unauthorized


def pending_projects(countries: set[str] | None) -> list:
    """Pending projects of the given countries (None: all) the current user can see."""
    if countries is not None and not countries:
        return []
    query = {"portal_type": "TwinSpace", "review_state": "pending", "sort_on": "modified"}
    if countries is not None:
        query["twinning_countries"] = sorted(countries)
    return api.content.find(**query)


def labels_to_evaluate(userid: str) -> list:
    """Submitted applications the current user sees and may decide (labels.evaluation.may_decide)."""
    brains = api.content.find(portal_type="QualityLabel", review_state="submitted", sort_on="modified")
    return [label for label in (brain.getObject() for brain in brains) if may_decide(label, userid)]


def totals(nested: dict) -> dict:
    """{key: {sub: count}} → {key: total}."""
    return {key: sum(values.values()) for key, values in nested.items()}


class Dashboard(TwinningView):
    """Pending teachers and projects of the validator's countries, labels to score, statistics."""

    score_template = ViewPageTemplateFile("templates/label_evaluation.pt")

    def may_validate_teachers(self) -> bool:
        return self.may("collective.twinning: Validate teachers", api.portal.get())

    def countries(self):
        return countries_of_validator(self.userid)

    def pending_teachers(self) -> list[dict]:
        if not self.may_validate_teachers():
            return []
        items = pending_for(self.countries())
        portal_url = api.portal.get().absolute_url()
        for item in items:
            # What the validator judges on: the school and e-mail the teacher registered with.
            user = api.user.get(userid=item["id"])
            item["country_title"] = self.country_title(item["country"])
            item["flag"] = self.flag(item["country"])
            item["email"] = (user.getProperty("email", "") if user else "") or ""
            item["school"] = (user.getProperty("school", "") if user else "") or ""
            item["requested_title"] = (
                api.portal.get_localized_time(item["requested"]) if item["requested"] else ""
            )
            item["profile_url"] = f"{portal_url}/author/{item['id']}"
        return items

    def pending_projects(self) -> list[dict]:
        items = []
        for brain in pending_projects(self.countries()):
            space = brain.getObject()
            items.append(
                {
                    "id": brain.getId,
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "countries": " ".join(f"{self.flag(code)} {code}" for code in (space.countries or ())),
                    "modified": api.portal.get_localized_time(brain.modified),
                    "my_decision": self.my_decision(space),
                }
            )
        return items

    def my_decision(self, space) -> str:
        """The validator's own decision on a pending project ("" while they have not decided)."""
        try:
            key = slot_for(space, self.userid)
        except Forbidden:  # not theirs to decide (an administrator, a European validator)
            return ""
        for slot in checklist(space)["required"]:
            slot_key = (
                f"partner:{slot.get('user')}"
                if slot["kind"] == "partner"
                else f"national:{slot.get('country')}"
            )
            if slot_key == key and slot["decision"]:
                return self.translate({"approve": _("Approved"), "reject": _("Rejected")}[slot["decision"]])
        return ""

    def labels(self) -> list[dict]:
        items = []
        for label in labels_to_evaluate(self.userid):
            evaluation = LabelEvaluation(label, self.request)
            items.append(
                {
                    "id": label.getId(),
                    "uid": label.UID(),
                    "title": label.Title(),
                    "url": label.absolute_url(),
                    "project": label.aq_parent.Title(),
                    "level": evaluation.level_title(),
                    "applicant": label.applicant,
                    "country": self.country_title(getattr(label, "applicant_country", None)),
                    "criteria": evaluation.criteria(),
                    "comment": evaluation.comment(),
                }
            )
        return items

    def stats(self) -> dict:
        return statistics(self.userid)

    def charts(self) -> list[dict]:
        data = self.stats()
        projects = data["projects"]["by_state_and_country"]
        workflow = api.portal.get_tool("portal_workflow")
        space_states = workflow["twinspace_workflow"].states
        by_country: dict = {}
        for countries in projects.values():
            for code, count in countries.items():
                by_country[code] = by_country.get(code, 0) + count
        labels: dict = {}
        for level, years in data["labels"].items():
            for states in years.values():
                for state, count in states.items():
                    key = (
                        f"{self.term_title('collective.twinning.vocabularies.LabelLevels', level)} · "
                        f"{self.translate(workflow['quality_label_workflow'].states[state].title)}"
                    )
                    labels[key] = labels.get(key, 0) + count
        participants = data["participants"]
        charts = [
            # Each project once (a two-country project is in two countries' counts).
            (
                "chart-projects",
                _("Projects by state"),
                [
                    (self.translate(space_states[state].title) if state in space_states else state, count)
                    for state, count in data["projects"]["by_state"].items()
                ],
            ),
            (
                "chart-countries",
                _("Projects by country"),
                [(self.country_title(code), count) for code, count in sorted(by_country.items())],
            ),
            (
                "chart-mobilities",
                _("Mobilities by activity"),
                [
                    (self.term_title("collective.twinning.vocabularies.ActivityTypes", kind), count)
                    for kind, count in data["mobilities"]["by_activity_type"].items()
                ],
            ),
            (
                "chart-participants",
                _("Participants in mobilities"),
                [
                    (self.translate(_("Staff")), participants["participants_staff"]),
                    (self.translate(_("Pupils")), participants["participants_pupils"]),
                    (self.translate(_("Accompanying persons")), participants["accompanying_persons"]),
                ],
            ),
            ("chart-labels", _("Quality Labels"), sorted(labels.items())),
        ]
        return [
            {
                "id": chart_id,
                "title": self.translate(title),
                "svg": bar_chart(chart_id, self.translate(title), rows),
            }
            for chart_id, title, rows in charts
        ]

    def scope(self) -> str:
        countries = self.stats()["countries"]
        if countries is None:
            return self.translate(_("All countries"))
        return ", ".join(self.country_title(code) for code in countries) or "—"


class MySpace(TwinningView):
    """A teacher's own things: projects by state, groups, postings, label applications."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your space.")
        return self.index()

    def is_pupil(self) -> bool:
        """Pupils work in their project's space only: no groups, postings or label applications."""
        return is_pupil_account(api.user.get_current())

    def _items(self, brains) -> list[dict]:
        return [
            {
                "id": brain.getId,
                "title": brain.Title,
                "url": brain.getURL(),
                "state": brain.review_state,
                "state_title": self.state_title(brain.getObject(), brain.review_state),
                "description": brain.Description,
            }
            for brain in brains
        ]

    def projects_by_state(self) -> list[dict]:
        brains = find_places(self.userid, "TwinSpace", sort_on="sortable_title")
        items = self._items(brains)
        order = list(api.portal.get_tool("portal_workflow")["twinspace_workflow"].states.keys())
        sections: dict = {}
        for item in items:
            sections.setdefault(item["state"], []).append(item)
        return [
            {"state": state, "title": sections[state][0]["state_title"], "entries": sections[state]}
            for state in sorted(sections, key=lambda s: order.index(s) if s in order else 99)
        ]

    def groups(self) -> list[dict]:
        return self._items(find_places(self.userid, "Group", sort_on="sortable_title"))

    def postings(self) -> list[dict]:
        return self._items(
            api.content.find(
                portal_type="PartnerPosting", Creator=self.userid, sort_on="created", sort_order="descending"
            )
        )

    def labels(self) -> list[dict]:
        items = []
        for brain in api.content.find(
            portal_type="QualityLabel",
            label_applicant=self.userid,
            sort_on="created",
            sort_order="descending",
        ):
            label = brain.getObject()
            items.append(
                {
                    "id": brain.getId,
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "state": brain.review_state,
                    "state_title": self.state_title(label, brain.review_state),
                    "project": label.aq_parent.Title(),
                    "level": self.term_title("collective.twinning.vocabularies.LabelLevels", label.level),
                }
            )
        return items

    def recognition(self):
        """``#myspace-recognition``: labels of my projects, my school's label, my applications."""
        return my_recognition(self)

    def learning(self) -> dict:
        """My certificates and the upcoming learning events I registered for (learning.py)."""
        return my_learning(self.userid, self.request)

    def links(self) -> list[dict]:
        portal = api.portal.get()
        links = []
        for link_id, container, portal_type, permission, title in (
            (
                "new-project",
                "projects",
                "TwinSpace",
                "collective.twinning: Add TwinSpace",
                _("Register a new project"),
            ),
            ("new-group", "groups", "Group", "collective.twinning: Add Group", _("Create a group")),
            (
                "new-posting",
                "partner-finding",
                "PartnerPosting",
                "collective.twinning: Add PartnerPosting",
                _("Post a partner search"),
            ),
        ):
            folder = portal.get(container)
            if folder is not None and self.may(permission, folder):
                links.append(
                    {
                        "id": link_id,
                        "url": f"{folder.absolute_url()}/++add++{portal_type}",
                        "title": self.translate(title),
                    }
                )
        return links
