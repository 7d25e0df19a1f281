"""European Prizes: nominations, the jury's scores, the ranking and the winners.

A round goes draft → nominating → judging → announced (prize_round_workflow).
National validators nominate projects of their country that hold an awarded
European Quality Label, one entry per project; the category comes from the
pupils' ages unless chosen. Each jury member scores each entry from 0 to 10 per
criterion; an entry's score is the mean of its jurors' means. The ranking orders
each category by score (equal scores share a rank: 1, 1, 3); ``announce`` makes
the entries ranked first in each category winners (ties win together) and
records the prize on their projects (the ``prize`` facet of @project-search).
"""

from Acquisition import aq_base
from Acquisition import aq_chain
from BTrees.OOBTree import OOBTree
from collective.twinning import _
from collective.twinning.content.quality_label import CRITERIA
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.errors import FieldError
from collective.twinning.errors import Forbidden
from collective.twinning.labels.awarded import awarded_levels
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roster import Roster
from collective.twinning.recognition.applications import check_scores
from collective.twinning.recognition.organisers import is_european
from datetime import datetime
from datetime import UTC
from fractions import Fraction
from persistent.mapping import PersistentMapping
from plone import api
from plone.indexer import indexer
from zope.annotation.interfaces import IAnnotations


JURY_ROLE = "PrizeJury"
PRIZE_CRITERIA = CRITERIA
CATEGORIES = (
    ("age_0_6", _("Pupils aged 0 to 6")),
    ("age_7_11", _("Pupils aged 7 to 11")),
    ("age_12_15", _("Pupils aged 12 to 15")),
    ("age_16_19", _("Pupils aged 16 to 19")),
    ("ivet", _("Initial vocational education and training")),
    ("ite", _("Initial teacher education")),
)
CATEGORY_IDS = tuple(code for code, _title in CATEGORIES)
AGE_LIMITS = ((6, "age_0_6"), (11, "age_7_11"), (15, "age_12_15"))
SCORES_KEY = "collective.twinning.prize_scores"
PRIZES_ATTRIBUTE = "twinning_prizes"  # on a project: ((round UID, school year, category), ...)


def category_for(project) -> str:
    """The category of the project's pupils: that of the middle of their ages."""
    middle = ((project.age_from or 0) + (project.age_to or project.age_from or 0)) // 2
    for limit, category in AGE_LIMITS:
        if middle <= limit:
            return category
    return "age_16_19"


def round_of(obj):
    for item in aq_chain(obj):
        if getattr(item, "portal_type", None) == "PrizeRound":
            return item
    return None


def _project(uid: str | None):
    if not uid or not isinstance(uid, str):
        return None
    # Safe unrestricted: one project for the nomination rules and its entry's title; a project
    # holding an awarded European label is past validation, so public (twinspace_workflow).
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=uid, portal_type="TwinSpace")
    return brains[0]._unrestrictedGetObject() if brains else None


def project_of(entry):
    return _project(getattr(entry, "project", None))


def entries_of(prize_round) -> list:
    return [obj for obj in prize_round.objectValues() if getattr(obj, "portal_type", None) == "PrizeEntry"]


def category_of(entry) -> str | None:
    if entry.category:
        return entry.category
    project = project_of(entry)
    return category_for(project) if project is not None else None


def nomination_problem(project_uid, context, entry=None):
    """Why this nomination may not be made (None: it may)."""
    prize_round = round_of(context)
    if prize_round is None:
        return _("A nomination is made inside a prize round.")
    if api.content.get_state(obj=prize_round, default=None) != "nominating":
        return _("The round takes nominations only while nominating.")
    project = _project(project_uid)
    if project is None:
        return _("project: give the UID of a project.")
    if "european" not in awarded_levels(project):
        return _("project: only projects holding an awarded European Quality Label are nominated.")
    userid = api.user.get_current().getId()
    if not is_european(userid) and not set(getattr(project, "countries", ()) or ()) & validator_countries(
        userid
    ):
        return _("project: a national service nominates projects of its own country.")
    for other in entries_of(prize_round):
        if entry is not None and other.getPhysicalPath() == entry.getPhysicalPath():
            continue
        if other.project == project.UID():
            return _("project: this project is already nominated in this round.")
    return None


# --- the jury ------------------------------------------------------------------------------


def jury_problem(userids):
    for userid in userids:
        user = api.user.get(userid=userid) if isinstance(userid, str) else None
        if user is None:
            return _("jury: no account ${user}.", mapping={"user": userid})
        if is_pupil_account(user):
            return _("jury: ${user} is a pupil.", mapping={"user": userid})
    return None


def sync_jury(prize_round) -> None:
    """PrizeJury on the round for exactly the accounts listed in ``jury``."""
    wanted = set(prize_round.jury or ())
    for principal, roles in prize_round.get_local_roles():
        if JURY_ROLE in roles and principal not in wanted:
            kept = [role for role in roles if role != JURY_ROLE]
            if kept:
                prize_round.manage_setLocalRoles(principal, kept)
            else:
                prize_round.manage_delLocalRoles([principal])
    for userid in wanted:
        prize_round.manage_addLocalRoles(userid, [JURY_ROLE])
    prize_round.reindexObjectSecurity()


def is_juror(prize_round, userid: str) -> bool:
    return bool(userid) and userid in (prize_round.jury or ())


# --- scores --------------------------------------------------------------------------------


def _scores(entry, create: bool = False):
    annotations = IAnnotations(entry)
    found = annotations.get(SCORES_KEY)
    if found is None:
        if not create:
            return OOBTree()
        found = annotations[SCORES_KEY] = OOBTree()
    return found


def score(entry, userid: str, data: dict) -> dict:
    """The juror's scores of the entry (replacing theirs); checked first."""
    prize_round = round_of(entry)
    if not is_juror(prize_round, userid):
        raise Forbidden(_("Only the round's jury scores its entries."))
    project = project_of(entry)
    if project is not None and userid in Roster(project):
        raise Forbidden(_("A juror does not score a project they are a member of."))
    if api.content.get_state(obj=prize_round) != "judging":
        raise FieldError("scores", _("Entries are scored while the round is judging."))
    scores = check_scores(data.get("scores"), PRIZE_CRITERIA)
    comment = data.get("comment", "")
    if not isinstance(comment, str) or len(comment) > 5000:
        raise FieldError("comment", _("comment: text of at most 5000 characters."))
    _scores(entry, create=True)[userid] = PersistentMapping(
        scores=PersistentMapping(scores),
        comment=comment.strip(),
        date=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return scores_of(entry, userid)


def scores_of(entry, userid: str) -> dict:
    """The juror's own scores, and how many jurors scored the entry."""
    mine = _scores(entry).get(userid)
    return {
        "scores": dict(mine["scores"]) if mine else None,
        "comment": mine["comment"] if mine else None,
        "jurors_scored": len(_scores(entry)),
        "category": category_of(entry),
    }


def mean_score(entry) -> Fraction | None:
    """The mean of the jurors' mean scores (exact, so equal scores tie)."""
    means = [Fraction(sum(item["scores"].values()), len(item["scores"])) for item in _scores(entry).values()]
    return sum(means, Fraction(0)) / len(means) if means else None


def ranking(prize_round) -> list[dict]:
    """Per category, the entries by score; equal scores share a rank, unscored come last."""
    by_category: dict = {}
    for entry in entries_of(prize_round):
        by_category.setdefault(category_of(entry), []).append((entry, mean_score(entry)))
    result = []
    for category in [c for c in CATEGORY_IDS if c in by_category]:
        rows = by_category[category]
        scored = sorted((row for row in rows if row[1] is not None), key=lambda row: -row[1])
        items = []
        for entry, mean in scored:
            rank = 1 + sum(1 for _other, other_mean in scored if other_mean > mean)
            items.append(_row(entry, rank, mean))
        items += [_row(entry, None, None) for entry, mean in rows if mean is None]
        result.append({"category": category, "entries": items})
    return result


def _row(entry, rank, mean) -> dict:
    project = project_of(entry)
    return {
        "rank": rank,
        "score": round(float(mean), 3) if mean is not None else None,
        "jurors_scored": len(_scores(entry)),
        "entry": entry.absolute_url(),
        "entry_id": entry.getId(),
        "project_uid": entry.project,
        "project_title": project.title if project is not None else None,
        "country": getattr(entry, "country", None),
        "winner": bool(entry.winner),
    }


def announce(prize_round) -> list:
    """Make the first of each category winners (ties win together); record their prizes."""
    winners = []
    for category in ranking(prize_round):
        for row in category["entries"]:
            if row["rank"] == 1:
                winners.append((prize_round[row["entry_id"]], category["category"]))
    for entry, category in winners:
        entry.winner = True
        entry.reindexObject()
        project = project_of(entry)
        if project is not None:
            held = tuple(
                p for p in getattr(aq_base(project), PRIZES_ATTRIBUTE, ()) if p[0] != prize_round.UID()
            )
            setattr(
                project, PRIZES_ATTRIBUTE, (*held, (prize_round.UID(), prize_round.school_year, category))
            )
            project.reindexObject(idxs=["prize", "twinning_summary"])
    return [entry for entry, _category in winners]


def prizes_of(project) -> list[dict]:
    return [
        {"round": uid, "school_year": year, "category": category}
        for uid, year, category in getattr(aq_base(project), PRIZES_ATTRIBUTE, ())
    ]


@indexer(ITwinSpace)
def prize(project):
    """The categories in which the project won a prize (the @project-search facet)."""
    return sorted({category for _uid, _year, category in getattr(aq_base(project), PRIZES_ATTRIBUTE, ())})
