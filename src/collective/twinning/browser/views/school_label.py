"""Classic UI of the eTwinning School label: /recognition, a call, an application, My space.

The pages hold no rule: eligibility is ``recognition.school_label.eligibility`` (as
``@school-label``), applying checks ``recognition.applications.application_problems`` (as
the content's invariant) and the decision is ``recognition.applications.evaluate`` (as
``@evaluation``).
"""

from collective.twinning import _
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.browser.views.content import available_transitions
from collective.twinning.browser.views.forms import form_scores
from collective.twinning.browser.views.forms import FormPage
from collective.twinning.content.school_label_application import DeclarationNotConfirmed
from collective.twinning.content.school_label_application import ISchoolLabelApplication
from collective.twinning.content.school_label_application import STATEMENT_MAX_LENGTH
from collective.twinning.content.school_label_application import STATEMENT_MIN_LENGTH
from collective.twinning.content.school_label_application import STATEMENTS
from collective.twinning.directory.profiles import get_profile
from collective.twinning.directory.profiles import VISIBLE
from collective.twinning.errors import FieldError
from collective.twinning.indexers.directory import related_organisation
from collective.twinning.membership.index import find_places
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.recognition import applications
from collective.twinning.recognition import school_label
from collective.twinning.recognition.organisers import may_organise
from datetime import date
from plone import api
from plone.dexterity.browser.add import DefaultAddView
from plone.i18n.normalizer.interfaces import IIDNormalizer
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.relationfield import RelationValue
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.component import getUtility
from zope.container.interfaces import INameChooser
from zope.intid.interfaces import IIntIds


MACROS = ViewPageTemplateFile("templates/school_label_macros.pt")
CRITERION_TITLES = {
    "registered": _("Registered for two years"),
    "active_teachers": _("Active teachers"),
    "national_quality_label": _("National Quality Label of a European project in the window"),
}
DECISION_TRANSITIONS = ("award", "reject")  # through the evaluation form only


def my_school(userid: str | None):
    """The organisation the user's visible teacher profile names, or None."""
    profile = get_profile(userid) if userid else None
    if profile is None or api.content.get_state(obj=profile, default=None) != VISIBLE:
        return None
    return related_organisation(profile)


def same_school(first, second) -> bool:
    return first is not None and second is not None and first.UID() == second.UID()


def for_country_of(call, organisation) -> bool:
    """Whether schools of the organisation's country may apply in the call."""
    return not call.country or call.country == getattr(organisation, "country", None)


def application_of(call, organisation):
    """The school's application in the call (whoever may see it), or None."""
    for application in applications.applications_in(call):
        if same_school(applications.organisation_of(application.organisation), organisation):
            return application
    return None


def open_call_for(organisation, today: date | None = None):
    """The call open today for the organisation's country, or None."""
    call = school_label.current_call(organisation, today)
    return call if call is not None and school_label.is_open(call, today or date.today()) else None


class SchoolLabelMixin:
    """Eligibility and dates as the templates show them (``templates/school_label_macros.pt``)."""

    @property
    def school_label_macros(self):
        return MACROS.macros

    def day(self, value) -> str:
        if not value:
            return ""
        return api.portal.get_localized_time(value.isoformat() if isinstance(value, date) else value)

    def criteria(self, result: dict) -> list[dict]:
        rows = []
        for criterion in result["criteria"]:
            value, required = criterion["value"], criterion["required"]
            match criterion["name"]:
                case "registered":
                    value = self.translate(_("since ${date}", mapping={"date": self.day(value)}))
                    required = self.translate(_("two years on ${date}", mapping={"date": self.day(required)}))
                case "active_teachers":
                    value = self.translate(
                        _(
                            "${count} of ${teachers} teachers",
                            mapping={"count": value, "teachers": criterion["teachers"]},
                        )
                    )
                    required = self.translate(_("at least ${count}", mapping={"count": required}))
                case _:
                    required = self.translate(_("at least ${count}", mapping={"count": required}))
            rows.append(
                {
                    "name": criterion["name"],
                    "title": self.translate(CRITERION_TITLES.get(criterion["name"], criterion["name"])),
                    "value": str(value),
                    "required": required,
                    "met": criterion["met"],
                    "reason": self.translate(criterion["reason"]) if criterion["reason"] else "",
                }
            )
        return rows

    def call_row(self, call) -> dict:
        state = api.content.get_state(obj=call, default="")
        return {
            "id": call.getId(),
            "title": call.Title(),
            "url": call.absolute_url(),
            "country": self.country_title(call.country)
            if call.country
            else self.translate(_("All countries")),
            "school_year": call.school_year,
            "opens": self.day(call.opens),
            "closes": self.day(call.closes),
            "state": state,
            "state_title": self.state_title(call, state),
        }


class RecognitionOverview(SchoolLabelMixin, TwinningView):
    """``/recognition/@@recognition-overview``: School label calls, then prize rounds."""

    def __call__(self):
        portal = api.portal.get()
        if self.context.aq_parent.aq_base is not portal.aq_base or self.context.getId() != "recognition":
            raise NotFound("The recognition overview is the page of /recognition.")
        return self.index()

    def _find(self, portal_type: str) -> list:
        return [
            brain.getObject()
            for brain in api.content.find(
                context=self.context,
                depth=1,
                portal_type=portal_type,
                sort_on="created",
                sort_order="descending",
            )
        ]

    def calls(self) -> dict:
        rows = [self.call_row(call) for call in self._find("SchoolLabelCall")]
        rows.sort(key=lambda row: row["school_year"], reverse=True)
        return {
            "open": [row for row in rows if row["state"] == "open"],
            "other": [row for row in rows if row["state"] != "open"],
        }

    def rounds(self) -> list[dict]:
        return [
            {
                "id": prize_round.getId(),
                "title": prize_round.Title(),
                "url": prize_round.absolute_url(),
                "state": api.content.get_state(obj=prize_round, default=""),
                "state_title": self.state_title(prize_round),
            }
            for prize_round in self._find("PrizeRound")
        ]

    def add_call_url(self) -> str | None:
        if self.may("collective.twinning: Add SchoolLabelCall"):
            return f"{self.context.absolute_url()}/++add++SchoolLabelCall"
        return None


class SchoolLabelCallView(SchoolLabelMixin, TwinningView):
    """A call: its dates, its state, the visitor's school's eligibility, the applications."""

    def facts(self) -> list[dict]:
        call = self.context
        rows = (
            (_("School year"), call.school_year),
            (_("Country"), self.call_row(call)["country"]),
            (_("Applications open on"), self.day(call.opens)),
            (_("Applications close on"), self.day(call.closes)),
            (
                _("National Quality Labels count when awarded"),
                self.translate(
                    _(
                        "from ${start} to ${end}",
                        mapping={"start": self.day(call.nql_from), "end": self.day(call.nql_to)},
                    )
                ),
            ),
        )
        return [{"title": self.translate(title), "value": value} for title, value in rows]

    def transitions(self) -> list[dict]:
        """Open or close: the organisers (the workflow's guards decide)."""
        return available_transitions(self.context)

    def school(self):
        return my_school(self.userid)

    def my_school(self) -> dict | None:
        """The teacher's school in this call: eligibility, its application, whether to apply."""
        organisation = self.school()
        if organisation is None:
            return None
        call = self.context
        entry = {"title": organisation.title, "url": organisation.absolute_url(), "for_country": True}
        if not for_country_of(call, organisation):
            entry["for_country"] = False
            return entry
        result = school_label.eligibility(organisation, call)
        application = application_of(call, organisation)
        visible = application is not None and self.may("View", application)
        entry.update(
            eligible=result["eligible"],
            criteria=self.criteria(result),
            application=(
                {"url": application.absolute_url(), "state_title": self.state_title(application)}
                if visible
                else None
            ),
            applied=application is not None,
            apply_url=(
                f"{call.absolute_url()}/@@school-label-apply"
                if result["eligible"]
                and application is None
                and school_label.is_open(call, date.today())
                and self.may("collective.twinning: Add SchoolLabelApplication")
                else None
            ),
        )
        return entry

    def applications(self) -> list[dict] | None:
        """For the call's organisers: the applications they may see (drafts stay the teacher's)."""
        if not may_organise(self.context):
            return None
        rows = []
        for brain in api.content.find(
            context=self.context, depth=1, portal_type="SchoolLabelApplication", sort_on="sortable_title"
        ):
            application = brain.getObject()
            rows.append(
                {
                    "id": brain.getId,
                    "title": application.title,
                    "url": brain.getURL(),
                    "applicant": application.applicant,
                    "state": brain.review_state,
                    "state_title": self.state_title(application, brain.review_state),
                }
            )
        return rows


def statement_problem(name: str, value) -> FieldError | None:
    text = value.strip() if isinstance(value, str) else ""
    if STATEMENT_MIN_LENGTH <= len(text) <= STATEMENT_MAX_LENGTH:
        return None
    return FieldError(
        name,
        _(
            "${field}: between ${min} and ${max} characters (this one has ${count}).",
            mapping={
                "field": ISchoolLabelApplication[name].title,
                "min": STATEMENT_MIN_LENGTH,
                "max": STATEMENT_MAX_LENGTH,
                "count": len(text),
            },
        ),
    )


def create_application(call, userid: str, organisation, data: dict):
    """Check everything the content's schema and invariant check, then create (as the teacher)."""
    for name in STATEMENTS:
        problem = statement_problem(name, data.get(name))
        if problem is not None:
            raise problem
    if data.get("declaration_confirmed") is not True:
        raise FieldError("declaration_confirmed", DeclarationNotConfirmed.__doc__)
    values = {"organisation": organisation, "applicant": userid}
    problems = applications.application_problems(values, call)
    if problems:
        raise FieldError("form", problems[0])
    name = getUtility(IIDNormalizer).normalize(organisation.title or "application")
    return api.content.create(
        container=call,
        type="SchoolLabelApplication",
        id=INameChooser(call).chooseName(name, call),
        organisation=RelationValue(getUtility(IIntIds).getId(organisation)),
        applicant=userid,
        declaration_confirmed=True,
        **{name: data[name].strip() for name in STATEMENTS},
    )


class SchoolLabelApply(SchoolLabelMixin, FormPage):
    """``@@school-label-apply`` on a call: a teacher applies for their school (the REST add's rules)."""

    template = ViewPageTemplateFile("templates/school_label_apply.pt")
    page = "school-label-apply"
    fields = (*STATEMENTS, "declaration_confirmed")
    min_length, max_length = STATEMENT_MIN_LENGTH, STATEMENT_MAX_LENGTH

    def render_page(self):
        return self.template()

    def school(self):
        return my_school(self.userid)

    def statements(self) -> list[dict]:
        return [
            {
                "name": name,
                "title": self.translate(ISchoolLabelApplication[name].title),
                "value": self.value(name),
            }
            for name in STATEMENTS
        ]

    def act(self):
        organisation = self.school()
        if organisation is None:
            raise FieldError(
                "form",
                _("applicant: ${user} is no teacher of a school.", mapping={"user": self.userid or "-"}),
            )
        form = self.request.form
        data = {name: form.get(name) for name in STATEMENTS}
        data["declaration_confirmed"] = form.get("declaration_confirmed") in ("1", "on", "true")
        self.created = create_application(self.context, self.userid, organisation, data)
        return _("Your application is saved as a draft: read it again, then submit it.")

    def default_url(self):
        created = getattr(self, "created", None)
        return created.absolute_url() if created is not None else self.context.absolute_url()


class SchoolLabelApplicationAddView(DefaultAddView):
    """``++add++SchoolLabelApplication`` (the toolbar's *Add new*) leads to ``@@school-label-apply``:
    Plone's add form asks for the school through a related-items widget and its invariant finds
    no call around the new object, so it refuses every application."""

    def __call__(self):
        if not self.ti.isConstructionAllowed(self.context):
            raise Unauthorized("You may not apply in this call.")
        return self.request.response.redirect(f"{self.context.absolute_url()}/@@school-label-apply")


class SchoolLabelApplicationView(SchoolLabelMixin, TwinningView):
    """An application: the school, the statements, the declaration, submit, the decision."""

    def school(self):
        return applications.organisation_of(self.context.organisation)

    def call(self):
        return applications.call_of(self.context)

    def statements(self) -> list[dict]:
        return [
            {
                "name": name,
                "title": self.translate(ISchoolLabelApplication[name].title),
                "text": getattr(self.context, name, "") or "",
            }
            for name in STATEMENTS
        ]

    def transitions(self) -> list[dict]:
        return [
            item for item in available_transitions(self.context) if item["id"] not in DECISION_TRANSITIONS
        ]

    def evaluation(self) -> dict | None:
        if not self.may("collective.twinning: View evaluation"):
            return None
        recorded = applications.evaluation_of(self.context)
        if recorded is None:
            return None
        return {
            "comment": recorded["comment"],
            "scores": [
                {
                    "name": name,
                    "title": self.translate(ISchoolLabelApplication[name].title),
                    "score": recorded["scores"].get(name),
                }
                for name in STATEMENTS
            ],
        }

    def evaluate_url(self) -> str | None:
        if (
            api.content.get_state(obj=self.context) == "submitted"
            and self.may("collective.twinning: Decide school label")
            and applications.may_decide(self.context, self.userid)
        ):
            return f"{self.context.absolute_url()}/@@school-label-evaluation"
        return None

    def awarded_until(self) -> str | None:
        school = self.school()
        if api.content.get_state(obj=self.context) != "awarded" or school is None:
            return None
        return self.day(school_label.last_day_held(school))


class SchoolLabelEvaluation(SchoolLabelMixin, FormPage):
    """``@@school-label-evaluation`` (``POST @evaluation``): a score per statement, comment, decision."""

    template = ViewPageTemplateFile("templates/school_label_evaluation.pt")
    score_template = ViewPageTemplateFile("templates/label_evaluation.pt")
    page = "school-label-evaluation"
    fields = ("comment", "decision", "scores", *(f"scores.{name}" for name in STATEMENTS))
    min_score, max_score = applications.MIN_SCORE, applications.MAX_SCORE

    def render_page(self):
        return self.template()

    def criteria(self) -> list[dict]:
        recorded = applications.evaluation_of(self.context) or {"scores": {}}
        return [
            {
                "name": name,
                "field": f"scores.{name}",
                "title": self.translate(ISchoolLabelApplication[name].title),
                "text": getattr(self.context, name, "") or "",
                "value": self.value(f"scores.{name}", str(recorded["scores"].get(name, ""))),
            }
            for name in STATEMENTS
        ]

    def comment(self) -> str:
        recorded = applications.evaluation_of(self.context) or {}
        return self.value("comment", recorded.get("comment") or "")

    def school(self):
        return applications.organisation_of(self.context.organisation)

    def act(self):
        form = self.request.form
        decision = form.get("decision") or None
        data = {"scores": form_scores(form, STATEMENTS), "comment": form.get("comment"), "decision": decision}
        applications.evaluate(self.context, self.userid, data)
        if decision == "award":
            return _("The eTwinning School label was awarded.")
        if decision == "reject":
            return _("The application was not awarded.")
        return _("Your evaluation is recorded.")

    def default_url(self):
        return self.context.absolute_url()


# --- the organisation page and My space -------------------------------------------------------


def own_school_eligibility(view, organisation) -> dict | None:
    """For the school's own teachers: the open call of its country and the eligibility for it."""
    if not same_school(my_school(view.userid), organisation):
        return None
    call = open_call_for(organisation)
    if call is None:
        return {"call": None}
    result = school_label.eligibility(organisation, call)
    return {
        "call": {"title": call.Title(), "url": call.absolute_url(), "closes": view.day(call.closes)},
        "eligible": result["eligible"],
        "criteria": view.criteria(result),
    }


class RecognitionOfMine(SchoolLabelMixin):
    """My space's ``#myspace-recognition``: labels of my projects, my school's label, my applications."""

    def __init__(self, view):
        self.view = view
        self.context, self.request = view.context, view.request
        self.userid = view.userid

    def __getattr__(self, name):
        return getattr(self.view, name)

    def quality_labels(self) -> list[dict]:
        """Quality Labels awarded to the projects I am in (my applications are in ``#my-labels``)."""
        paths = [brain.getPath() for brain in find_places(self.userid, "TwinSpace")]
        if not paths:
            return []
        rows = []
        for brain in api.content.find(
            portal_type="QualityLabel", review_state="awarded", path={"query": paths, "depth": 1}
        ):
            label = brain.getObject()
            rows.append(
                {
                    "id": brain.getId,
                    "url": brain.getURL(),
                    "project": label.aq_parent.Title(),
                    "level": self.term_title("collective.twinning.vocabularies.LabelLevels", label.level),
                }
            )
        return sorted(rows, key=lambda row: (row["project"], row["level"]))

    def school(self) -> dict | None:
        organisation = my_school(self.userid)
        if organisation is None:
            return None
        until = school_label.awarded_until(organisation)
        entry = {
            "title": organisation.title,
            "url": organisation.absolute_url(),
            "until": self.day(until) if until else None,
            "eligibility": None if until else own_school_eligibility(self, organisation),
        }
        return entry

    def applications(self) -> list[dict]:
        rows = []
        for brain in api.content.find(
            portal_type="SchoolLabelApplication",
            Creator=self.userid,
            sort_on="created",
            sort_order="descending",
        ):
            application = brain.getObject()
            if application.applicant != self.userid:
                continue
            call = applications.call_of(application)
            rows.append(
                {
                    "id": brain.getId,
                    "url": brain.getURL(),
                    "title": application.title,
                    "school_year": call.school_year if call is not None else "",
                    "state": brain.review_state,
                    "state_title": self.state_title(application, brain.review_state),
                }
            )
        return rows

    def overview_url(self) -> str | None:
        container = api.portal.get().get("recognition")
        return f"{container.absolute_url()}/@@recognition-overview" if container is not None else None


def my_recognition(view) -> RecognitionOfMine | None:
    """What ``@@my-space`` shows in ``#myspace-recognition`` (nothing for pupils)."""
    if view.userid is None or is_pupil_account(api.user.get_current()):
        return None
    return RecognitionOfMine(view)
