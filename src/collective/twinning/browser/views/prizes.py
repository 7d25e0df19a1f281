"""The page of a European Prizes round: entries by category, nominations, scores, ranking, steps.

Each form calls the function its REST counterpart calls (``recognition.prizes``):
nominating creates a PrizeEntry as ``POST <round>`` does (the same ``nomination_problem``),
scoring is ``score`` (``@score``), the table is ``ranking`` (``@ranking``), the steps are
the workflow's transitions (``@workflow``).
"""

from collective.twinning import _
from collective.twinning.browser.views.base import FormHandler
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.browser.views.content import available_transitions
from collective.twinning.browser.views.forms import form_scores
from collective.twinning.content.quality_label import IQualityLabel
from collective.twinning.errors import FieldError
from collective.twinning.errors import Forbidden
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roster import Roster
from collective.twinning.recognition import prizes
from collective.twinning.recognition.organisers import is_european
from plone import api


FAILED_ENTRY = "collective.twinning.prize_failed_entry"  # the entry whose score form failed
CATEGORY_TITLES = dict(prizes.CATEGORIES)


class PrizeRoundView(TwinningView):
    """``view`` of a PrizeRound."""

    def state(self) -> str:
        return api.content.get_state(obj=self.context, default="")

    def category_title(self, category: str | None) -> str:
        title = CATEGORY_TITLES.get(category)
        return self.translate(title) if title is not None else (category or "")

    def transitions(self) -> list[dict]:
        return [
            {"id": item["id"], "title": self.translate(item["title"])}
            for item in available_transitions(self.context)
        ]

    def _entry(self, entry) -> dict:
        project = prizes.project_of(entry)
        userid = self.userid
        may_view_project = project is not None and self.may("View", project)
        own = project is not None and bool(userid) and userid in Roster(project)
        juror = self.state() == "judging" and prizes.is_juror(self.context, userid)
        mine = prizes.scores_of(entry, userid) if juror else {"scores": None, "comment": None}
        return {
            "id": entry.getId(),
            "url": entry.absolute_url(),
            "title": project.title if project is not None else entry.getId(),
            "project_url": project.absolute_url() if may_view_project else None,
            "country": getattr(entry, "country", None) or "",
            "winner": bool(entry.winner),
            "may_score": juror and not own and self.may("collective.twinning: Score prize entries", entry),
            "own_project": juror and own,
            "scored": mine["scores"] is not None,
            "criteria": self._criteria(entry, mine),
            "comment": self._value(entry, "comment", mine["comment"] or ""),
        }

    def _value(self, entry, field: str, recorded: str) -> str:
        """What the user typed when this entry's form failed, else what is recorded."""
        if self.request.get(FAILED_ENTRY) == entry.getId():
            return self.value(field, recorded)
        return recorded

    def _criteria(self, entry, mine: dict) -> list[dict]:
        recorded = mine["scores"] or {}
        return [
            {
                "name": name,
                "field": f"scores.{name}",
                "title": self.translate(IQualityLabel[name].title),
                "value": self._value(entry, f"scores.{name}", str(recorded.get(name, ""))),
            }
            for name in prizes.PRIZE_CRITERIA
        ]

    def entry_error(self, entry: dict, field: str) -> str:
        """The error of ``field`` in the score form of ``entry`` (only the form that failed)."""
        return self.error(field) if self.request.get(FAILED_ENTRY) == entry["id"] else ""

    def categories(self) -> list[dict]:
        """Every category with its entries (the categories without any too: they are the rules)."""
        by_category: dict = {}
        for entry in prizes.entries_of(self.context):
            by_category.setdefault(prizes.category_of(entry), []).append(self._entry(entry))
        return [
            {
                "id": category,
                "title": self.translate(title),
                "entries": sorted(by_category.get(category, []), key=lambda item: item["title"].lower()),
            }
            for category, title in prizes.CATEGORIES
        ]

    # Nominations: the national services (and the European one) while nominating.

    def may_nominate(self) -> bool:
        return self.state() == "nominating" and self.may("collective.twinning: Add PrizeEntry")

    def eligible_projects(self) -> list[dict]:
        """Projects of the user's countries holding an awarded European label, not yet entered."""
        query = {"portal_type": "TwinSpace", "quality_labels": "european", "sort_on": "sortable_title"}
        if not is_european(self.userid):
            countries = validator_countries(self.userid)
            if not countries:
                return []
            query["twinning_countries"] = sorted(countries)
        entered = {entry.project for entry in prizes.entries_of(self.context)}
        found = []
        for brain in api.content.find(**query):
            if brain.UID in entered:
                continue
            project = brain.getObject()
            found.append(
                {
                    "uid": brain.UID,
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "countries": ", ".join(getattr(project, "countries", ()) or ()),
                    "ages": f"{project.age_from or ''}–{project.age_to or ''}",
                    "category": self.category_title(prizes.category_for(project)),
                }
            )
        return found

    def category_options(self) -> list[dict]:
        chosen = self.value("category")
        return [
            {"id": category, "title": self.translate(title), "selected": category == chosen}
            for category, title in prizes.CATEGORIES
        ]

    # The ranking: the jury and the validators.

    def may_rank(self) -> bool:
        return self.may("collective.twinning: View prize ranking")

    def ranking(self) -> list[dict]:
        return [
            {**category, "title": self.category_title(category["category"])}
            for category in prizes.ranking(self.context)
        ]


class NominateHandler(FormHandler):
    """``@@prize-nominate`` on a round: a PrizeEntry for ``project`` (``POST <round>``)."""

    fields = ("project", "category")

    def act(self):
        if api.content.get_state(obj=self.context, default=None) != "nominating":
            raise Forbidden(_("The round takes nominations only while nominating."))
        form = self.request.form
        uid = form.get("project")
        category = form.get("category") or None
        if category is not None and category not in prizes.CATEGORY_IDS:
            raise FieldError("category", _("category: choose one of the categories."))
        problem = prizes.nomination_problem(uid, self.context)
        if problem is not None:
            raise FieldError("project", problem)
        project = prizes._project(uid)
        entry = api.content.create(
            container=self.context,
            type="PrizeEntry",
            id=f"entry-{project.getId()}",
            project=uid,
            category=category,
        )
        return _(
            "${project} is nominated in the category ${category}.",
            mapping={
                "project": project.title,
                "category": self.translate(CATEGORY_TITLES[prizes.category_of(entry)]),
            },
        )


class ScoreHandler(FormHandler):
    """``@@prize-score`` on an entry: the juror's scores (``POST @score``); errors on the round's page."""

    fields = ("comment", *(f"scores.{name}" for name in prizes.PRIZE_CRITERIA))
    _error = None

    def default_url(self) -> str:
        return f"{prizes.round_of(self.context).absolute_url()}#entry-{self.context.getId()}"

    def field_of_error(self, field: str) -> str:
        """A score out of range goes next to its criterion."""
        if field == "scores":
            mapping = getattr(getattr(self._error, "message", None), "mapping", None) or {}
            if mapping.get("name") in prizes.PRIZE_CRITERIA:
                return f"scores.{mapping['name']}"
        return field

    def failed(self, error):
        self._error = error
        self.request.set(FAILED_ENTRY, self.context.getId())
        return super().failed(error)

    def act(self):
        form = self.request.form
        prizes.score(
            self.context, self.userid, {"scores": form_scores(form), "comment": form.get("comment", "")}
        )
        return _("Your scores of ${project} are recorded.", mapping={"project": self.context.title})

    def render_page(self):
        return prizes.round_of(self.context).restrictedTraverse("@@view")()
