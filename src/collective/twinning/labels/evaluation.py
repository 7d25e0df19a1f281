"""The evaluation of a Quality Label application and the decision on it.

A validator of the right level records a score from 0 to 10 per criterion and
a comment (``POST <label>/@evaluation``), then awards or rejects, in the same
call (``"decision"``) or later through ``@workflow/award|reject``. The
workflow's guards (``@@label-guards``) hold the same rules, so a transition
fired any other way obeys them too.
"""

from AccessControl import getSecurityManager
from collective.twinning import _
from collective.twinning import audit
from collective.twinning.audit import audited_place
from collective.twinning.content.quality_label import CRITERIA
from collective.twinning.errors import FieldError
from collective.twinning.errors import Forbidden
from collective.twinning.errors import unknown_value
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from datetime import datetime
from datetime import UTC
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.twinning.evaluation"
MIN_SCORE, MAX_SCORE, PASS_SCORE = 0, 10, 5
DECISIONS = {"award": "award", "reject": "reject"}
ADMINISTRATORS = frozenset({"Manager", "Site Administrator"})


def evaluation_of(label) -> dict | None:
    data = IAnnotations(label).get(ANNOTATION_KEY)
    if data is None:
        return None
    return {
        "scores": dict(data["scores"]),
        "comment": data["comment"],
        "by": data["by"],
        "date": data["date"],
    }


def may_decide(label, userid: str | None) -> bool:
    """A national validator of the applicant's country decides a national label,
    a European validator a European one (administrators may always)."""
    if not userid:
        return False
    current = getSecurityManager().getUser()
    if current.getId() == userid:  # also the Zope administrator, unknown to the site
        roles = set(current.getRoles())
    else:
        user = api.user.get(userid=userid)
        if user is None:
            return False
        roles = set(api.user.get_roles(user=user))
    if roles & ADMINISTRATORS:
        return True
    if label.level == "national":
        country = getattr(label, "applicant_country", None)
        return bool(country) and country in validator_countries(userid)
    if label.level == "european":
        return EUROPEAN_VALIDATOR in roles
    return False


def failing_criteria(scores: dict) -> list[str]:
    return [name for name in CRITERIA if scores.get(name, MIN_SCORE) < PASS_SCORE]


def passes(label) -> bool:
    evaluation = evaluation_of(label)
    return evaluation is not None and not failing_criteria(evaluation["scores"])


def check_scores(scores) -> dict:
    if not isinstance(scores, dict):
        raise FieldError("scores", _("Give a score for every criterion."))
    unknown = sorted(set(scores) - set(CRITERIA))
    if unknown:
        raise unknown_value("scores", ", ".join(unknown))
    missing = [name for name in CRITERIA if name not in scores]
    if missing:  # named by the first criterion without a score, where the form shows it
        raise FieldError(f"scores.{missing[0]}", _("Give a score for every criterion."))
    for name in CRITERIA:
        value = scores[name]
        if isinstance(value, bool) or not isinstance(value, int) or not MIN_SCORE <= value <= MAX_SCORE:
            raise FieldError(
                f"scores.{name}",
                _("A whole number from ${low} to ${high}.", mapping={"low": MIN_SCORE, "high": MAX_SCORE}),
            )
    return {name: scores[name] for name in CRITERIA}


def evaluate(label, userid: str, data: dict) -> dict:
    """Record scores and comment, and award or reject when ``decision`` says so.

    Everything is checked before anything is written.
    """
    state = api.content.get_state(obj=label)
    if not may_decide(label, userid):
        raise Forbidden(
            _(
                "Only a national validator of the applicant's country decides a national label, "
                "and a European validator a European one."
            )
        )
    if state != "submitted":
        raise FieldError("state", _("The application is evaluated while it is submitted."))
    decision = data.get("decision")
    if decision is not None and decision not in DECISIONS:
        raise FieldError("decision", _("Choose a decision."))
    recorded = evaluation_of(label)
    scores = check_scores(data.get("scores")) if "scores" in data or recorded is None else recorded["scores"]
    comment = data.get("comment", recorded["comment"] if recorded else None)
    if not isinstance(comment, str) or not comment.strip():
        raise FieldError("comment", _("Write a comment for the applicant."))
    comment = comment.strip()
    if decision == "award":
        failing = failing_criteria(scores)
        if failing:
            raise FieldError(
                f"scores.{failing[0]}",
                _("To award, every criterion needs ${pass} or more.", mapping={"pass": PASS_SCORE}),
            )

    IAnnotations(label)[ANNOTATION_KEY] = PersistentMapping(
        scores=PersistentMapping(scores),
        comment=comment,
        by=userid,
        date=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    place = audited_place(label)
    if place is not None:
        audit.record(place, "label_evaluated", label.UID(), comment, **label_details(label))
    if decision is not None:
        api.content.transition(obj=label, transition=DECISIONS[decision], comment=comment)
    return describe(label)


def label_details(label) -> dict:
    """What the audit log keeps of an application: whose, which, its scores."""
    evaluation = evaluation_of(label)
    scores = evaluation["scores"] if evaluation else {}
    return {
        "label": label.Title(),
        "level": label.level,
        "applicant": label.applicant,
        "scores": scores,
        "score_total": sum(scores.values()),
        "score_max": MAX_SCORE * len(CRITERIA),
    }


def describe(label) -> dict:
    return {
        "state": api.content.get_state(obj=label),
        "level": label.level,
        "applicant": label.applicant,
        "applicant_country": getattr(label, "applicant_country", None),
        "evaluation": evaluation_of(label),
    }
