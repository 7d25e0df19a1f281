"""The four search pages: the REST searches' parameters, facets and batches as HTML.

Each page calls ``search.engine.run`` with its spec on the request, exactly as
``@project-search`` & co. do; a refused parameter is shown, never a 500.
"""

from collective.twinning import _
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.browser.views.batching import page_links
from collective.twinning.browser.views.errors import message_of
from collective.twinning.membership.index import place_uids
from collective.twinning.search import specs
from collective.twinning.search.engine import DEFAULT_BATCH
from collective.twinning.search.engine import run
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest


FACET_TITLES = {
    "country": _("Country"),
    "language": _("Language"),
    "subject": _("Subject"),
    "vocational_subject": _("Vocational subject"),
    "member_type": _("Role at school"),
    "available": _("Available for projects"),
    "ambassador": _("eTwinning ambassador"),
    "organisation_type": _("Type of organisation"),
    "partnership_type": _("Partnership type"),
    "looking_for": _("Looking for"),
    "topic": _("Topic"),
    "state": _("State"),
    "kind": _("Kind of project"),
    "erasmus": _("Erasmus+ project"),
    "label": _("Quality Label"),
}
FACET_VOCABULARIES = {
    "country": "collective.twinning.vocabularies.Countries",
    "language": "collective.twinning.vocabularies.Languages",
    "subject": "collective.twinning.vocabularies.Subjects",
    "vocational_subject": "collective.twinning.vocabularies.VocationalSubjects",
    "member_type": "collective.twinning.vocabularies.MemberTypes",
    "organisation_type": "collective.twinning.vocabularies.OrganisationTypes",
    "partnership_type": "collective.twinning.vocabularies.PartnershipTypes",
    "looking_for": "collective.twinning.vocabularies.LookingFor",
    "topic": "collective.twinning.vocabularies.Topics",
    "label": "collective.twinning.vocabularies.LabelLevels",
}
VALUE_TITLES = {
    "true": _("Yes"),
    "false": _("No"),
    "european": _("European project"),
    "national": _("National project"),
}
SORT_TITLES = {"name": _("Name"), "recent": _("Most recent"), "title": _("Title")}
CONTACTABLE = {"TwinSpace", "PartnerPosting", "TeacherProfile"}


# plone.protect's transform adds the CSRF token to every form of a logged-in page, GET forms too.
NOT_SEARCH_PARAMETERS = ("_authenticator",)


def clean_form(form) -> None:
    """Drop what an HTML form sends empty (a blank text box, an empty choice), and
    Plone's CSRF token: the search reads "no filter", as the REST endpoints do when a
    parameter is absent."""
    for name in NOT_SEARCH_PARAMETERS:
        form.pop(name, None)
    for name in list(form):
        value = form[name]
        if isinstance(value, list):
            value = [item for item in value if not (isinstance(item, str) and not item.strip())]
            if value:
                form[name] = value
            else:
                del form[name]
        elif isinstance(value, str) and not value.strip():
            del form[name]


class SearchPage(TwinningView):
    """One search page; ``spec`` and ``title`` are set per registration (see configure.zcml)."""

    template = ViewPageTemplateFile("templates/search.pt")
    spec = None
    title = ""
    text_help = ""

    def __call__(self):
        clean_form(self.request.form)
        self.error_message = None
        try:
            self.data = run(self.spec, self.request)
        except BadRequest as error:
            self.error_message = self.translate(message_of(error))
            self.data = {"items": [], "items_total": 0, "batching": {}, "facets": {}}
        return self.template()

    def page_title(self) -> str:
        return self.translate(self.title)

    def selected(self, param: str) -> list[str]:
        value = self.request.form.get(param, [])
        return [value] if isinstance(value, str) else list(value)

    def value_title(self, param: str, value: str) -> str:
        if param in FACET_VOCABULARIES:
            return self.term_title(FACET_VOCABULARIES[param], value)
        if param == "state":
            return self.translate(self.state_titles().get(value, value))
        if value in VALUE_TITLES:
            return self.translate(VALUE_TITLES[value])
        return value

    def state_titles(self) -> dict:
        workflow = api.portal.get_tool("portal_workflow")["twinspace_workflow"]
        return {state_id: state.title for state_id, state in workflow.states.items()}

    def facets(self) -> list[dict]:
        """Every facet of the spec, in its order, with counts and the boxes ticked."""
        counts = self.data["facets"]
        result = []
        for spec_filter in self.spec.filters:
            if not spec_filter.facet:
                continue
            chosen = self.selected(spec_filter.param)
            values = dict(counts.get(spec_filter.param, {}))
            for value in chosen:  # a ticked box stays, even with no result
                values.setdefault(value, 0)
            options = [
                {
                    "value": value,
                    "title": self.value_title(spec_filter.param, value),
                    "count": count,
                    "checked": value in chosen,
                    "id": f"facet-{spec_filter.param}-{value}",
                }
                for value, count in values.items()
            ]
            options.sort(key=lambda option: (-option["count"], option["title"].lower()))
            if not options:
                continue  # a facet with nothing to choose is not shown
            result.append(
                {
                    "param": spec_filter.param,
                    "title": self.translate(FACET_TITLES.get(spec_filter.param, spec_filter.param)),
                    "options": options,
                }
            )
        return result

    def has_ages(self) -> bool:
        return self.spec.ages

    def sort_options(self) -> list[dict]:
        choices = self.spec.sorting.choices
        if len(choices) < 2:
            return []
        current = self.request.form.get("sort_on", self.spec.sorting.default)
        return [
            {"value": name, "title": self.translate(SORT_TITLES.get(name, name)), "selected": name == current}
            for name in choices
        ]

    def may_contact(self) -> bool:
        return self.may("collective.twinning: Contact teachers", api.portal.get())

    def own_uids(self) -> set[str]:
        """The results the visitor wrote or is in (no "Contact" on your own entry)."""
        if self.userid is None or not self.data["items"]:
            return set()
        uids = [item["UID"] for item in self.data["items"] if item.get("UID")]
        own = {brain.UID for brain in api.content.find(UID=uids, Creator=self.userid)}
        own |= set(uids) & set(place_uids(self.userid))  # the projects one is in (no author in the catalog)
        own |= {
            item.get("UID")
            for item in self.data["items"]
            if item.get("@type") == "TeacherProfile"
            and item["@id"].rstrip("/").rsplit("/", 1)[-1] == self.userid
        }
        return own

    def results(self) -> list[dict]:
        contact = self.may_contact()
        own = self.own_uids() if contact else set()
        items = []
        for item in self.data["items"]:
            details = [
                self.country_title(code)
                for code in (item.get("countries") or ([item["country"]] if item.get("country") else []))
            ]
            flags = " ".join(
                self.flag(code)
                for code in (item.get("countries") or ([item["country"]] if item.get("country") else []))
            )
            for param, key in (("language", "languages"), ("subject", "subjects")):
                names = [self.value_title(param, code) for code in item.get(key) or []]
                if names:
                    details.append(", ".join(names))
            if item.get("organisation"):
                details.append(item["organisation"]["title"])
            if item.get("city"):
                details.append(item["city"])
            if item.get("age_from") is not None and item.get("age_to") is not None:
                details.append(
                    self.translate(
                        _("Ages ${low}–${high}", mapping={"low": item["age_from"], "high": item["age_to"]})
                    )
                )
            items.append(
                {
                    "url": item["@id"],
                    "title": item.get("title"),
                    "description": item.get("description") or "",
                    "flags": flags,
                    "details": " · ".join(detail for detail in details if detail),
                    "state": self.value_title("state", item["review_state"])
                    if item.get("@type") == "TwinSpace" and "review_state" in item
                    else "",
                    "labels": [self.value_title("label", level) for level in item.get("labels") or []],
                    "contact": contact and item.get("@type") in CONTACTABLE and item.get("UID") not in own,
                }
            )
        return items

    def batching(self) -> dict:
        """Previous, numbered pages and next (batching.page_links) over the same query."""
        form = {key: value for key, value in self.request.form.items() if key != "b_start"}
        try:
            b_start = max(0, int(self.request.form.get("b_start", 0)))
            b_size = int(self.request.form.get("b_size", DEFAULT_BATCH))
        except (TypeError, ValueError):
            b_start, b_size = 0, DEFAULT_BATCH
        return page_links(self.request["ACTUAL_URL"], form, self.total(), b_start, b_size)

    def filters_chosen(self) -> int:
        """How many filters are set (shown on the phone's "Filters" button)."""
        return sum(
            len(self.selected(spec_filter.param)) for spec_filter in self.spec.filters if spec_filter.facet
        ) + sum(1 for name in ("age_from", "age_to") if self.value(name))

    def total(self) -> int:
        return self.data["items_total"]


class ProjectSearchPage(SearchPage):
    spec = specs.PROJECTS
    title = _("Find projects")


class PartnerSearchPage(SearchPage):
    spec = specs.POSTINGS
    title = _("Find partners")


class PeopleSearchPage(SearchPage):
    spec = specs.PEOPLE
    title = _("Find teachers")


class OrganisationSearchPage(SearchPage):
    spec = specs.ORGANISATIONS
    title = _("Find schools and organisations")
