"""School label applications: who may file one, and the decision of the national service.

A teacher whose visible profile names the school files it, for themself, inside a
call open today for the school's country, once per school and call, while the
school is eligible. A national validator of the school's country (or an
administrator) scores each mission statement from 0 to 10, comments, and awards
(5 or more on every statement) or rejects, as for Quality Labels.
"""

from Acquisition import aq_chain
from collective.twinning import _
from collective.twinning import audit
from collective.twinning.content.school_label_application import STATEMENTS
from collective.twinning.directory.profiles import get_profile
from collective.twinning.directory.profiles import VISIBLE
from collective.twinning.errors import FieldError
from collective.twinning.indexers.directory import related_organisation
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.recognition import school_label
from collective.twinning.recognition.organisers import is_administrator
from datetime import date
from datetime import datetime
from datetime import UTC
from persistent.mapping import PersistentMapping
from plone import api
from zExceptions import Forbidden
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.twinning.school_label_evaluation"
MIN_SCORE, MAX_SCORE, PASS_SCORE = 0, 10, 5
DECISIONS = ("award", "reject")


def call_of(obj):
    for item in aq_chain(obj):
        if getattr(item, "portal_type", None) == "SchoolLabelCall":
            return item
    return None


def organisation_of(value):
    """The Organisation of a relation value (or the object itself, as REST hands it)."""
    if value is None:
        return None
    if hasattr(value, "to_object"):
        return None if value.isBroken() else value.to_object
    return value


def profile_organisation_uid(userid: str) -> str | None:
    """The UID of the organisation the teacher's visible profile names."""
    profile = get_profile(userid) if userid else None
    if profile is None or api.content.get_state(obj=profile, default=None) != VISIBLE:
        return None
    organisation = related_organisation(profile)
    return organisation.UID() if organisation is not None else None


def applications_in(call) -> list:
    return [
        obj for obj in call.objectValues() if getattr(obj, "portal_type", None) == "SchoolLabelApplication"
    ]


def application_problems(values: dict, context, existing=None, today: date | None = None) -> list:
    """Why this application may not be made (empty: it may); messages to translate."""
    today = today or date.today()
    call = call_of(context)
    if call is None:
        return [_("An application is made inside a School label call.")]
    if not school_label.is_open(call, today):
        return [
            _(
                "call: applications are taken from ${opens} to ${closes} while the call is open.",
                mapping={"opens": call.opens.isoformat(), "closes": call.closes.isoformat()},
            )
        ]
    organisation = organisation_of(values.get("organisation"))
    if organisation is None:
        return [_("organisation: choose the school.")]
    if call.country and organisation.country != call.country:
        return [_("organisation: this call is for schools of ${country}.", mapping={"country": call.country})]
    applicant = values.get("applicant")
    current = api.user.get_current().getId()
    unchanged = existing is not None and applicant == existing.applicant
    if applicant != current and not unchanged and not is_administrator():
        return [_("applicant: a teacher applies for their school themself: applicant must be you.")]
    if profile_organisation_uid(applicant or "") != organisation.UID():
        return [
            _(
                "applicant: ${user} is no teacher of this school (their profile names another or none).",
                mapping={"user": applicant or "-"},
            )
        ]
    for other in applications_in(call):
        if existing is not None and other.getPhysicalPath() == existing.getPhysicalPath():
            continue
        if organisation_of(other.organisation) is organisation or (
            organisation_of(other.organisation) is not None
            and organisation_of(other.organisation).UID() == organisation.UID()
        ):
            return [_("organisation: this school already applied in this call.")]
    if existing is None:
        found = school_label.eligibility(organisation, call, today)
        if not found["eligible"]:
            reasons = [criterion["reason"] for criterion in found["criteria"] if not criterion["met"]]
            return [_("organisation: not eligible. ${reason}", mapping={"reason": reasons[0]})]
    return []


# --- the decision ---------------------------------------------------------------------------


def may_decide(application, userid: str | None) -> bool:
    """A national validator of the school's country, or an administrator."""
    if not userid:
        return False
    if is_administrator(userid):
        return True
    country = getattr(application, "country", None)
    return bool(country) and country in validator_countries(userid)


def evaluation_of(application) -> dict | None:
    data = IAnnotations(application).get(ANNOTATION_KEY)
    if data is None:
        return None
    return {
        "scores": dict(data["scores"]),
        "comment": data["comment"],
        "by": data["by"],
        "date": data["date"],
    }


def failing(scores: dict) -> list[str]:
    return [name for name in STATEMENTS if scores.get(name, MIN_SCORE) < PASS_SCORE]


def passes(application) -> bool:
    evaluation = evaluation_of(application)
    return evaluation is not None and not failing(evaluation["scores"])


def check_scores(scores, criteria=STATEMENTS) -> dict:
    """A whole number from 0 to 10 for each criterion, nothing else."""
    if not isinstance(scores, dict):
        raise FieldError(
            "scores",
            _(
                "scores must be an object with a score per criterion: ${names}.",
                mapping={"names": ", ".join(criteria)},
            ),
        )
    unknown = sorted(set(scores) - set(criteria))
    if unknown:
        raise FieldError(
            "scores", _("scores: unknown criteria ${names}.", mapping={"names": ", ".join(unknown)})
        )
    missing = [name for name in criteria if name not in scores]
    if missing:
        raise FieldError("scores", _("scores: missing ${names}.", mapping={"names": ", ".join(missing)}))
    for name in criteria:
        value = scores[name]
        if isinstance(value, bool) or not isinstance(value, int) or not MIN_SCORE <= value <= MAX_SCORE:
            raise FieldError(
                "scores", _("scores.${name} must be a whole number from 0 to 10.", mapping={"name": name})
            )
    return {name: scores[name] for name in criteria}


def evaluate(application, userid: str, data: dict) -> dict:
    """Record scores and comment; award or reject when ``decision`` says so. Checked first."""
    if not may_decide(application, userid):
        raise Forbidden("Only a national validator of the school's country decides its application.")
    state = api.content.get_state(obj=application)
    if state != "submitted":
        raise FieldError(
            "decision",
            _("The application is ${state}: it is evaluated while submitted.", mapping={"state": state}),
        )
    decision = data.get("decision")
    if decision is not None and decision not in DECISIONS:
        raise FieldError("decision", _("decision must be 'award', 'reject' or left out."))
    recorded = evaluation_of(application)
    scores = check_scores(data.get("scores")) if "scores" in data or recorded is None else recorded["scores"]
    comment = data.get("comment", recorded["comment"] if recorded else None)
    if not isinstance(comment, str) or not comment.strip():
        raise FieldError("comment", _("comment is required: say why, for the school."))
    if decision == "award" and failing(scores):
        raise FieldError(
            "scores",
            _(
                "scores: award needs 5 or more on every statement; below: ${names}.",
                mapping={"names": ", ".join(failing(scores))},
            ),
        )
    IAnnotations(application)[ANNOTATION_KEY] = PersistentMapping(
        scores=PersistentMapping(scores),
        comment=comment.strip(),
        by=userid,
        date=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    if decision is not None:
        api.content.transition(obj=application, transition=decision, comment=comment.strip())
    return describe(application)


def describe(application) -> dict:
    organisation = organisation_of(application.organisation)
    return {
        "state": api.content.get_state(obj=application),
        "applicant": application.applicant,
        "country": getattr(application, "country", None),
        "organisation": organisation.UID() if organisation is not None else None,
        "evaluation": evaluation_of(application),
        "awarded_until": school_label.awarded_until(organisation) if organisation is not None else None,
    }


def record_decision(application, what: str, comment: str) -> None:
    """The portal's audit log keeps who decided on a school (there is no place to log it in)."""
    evaluation = evaluation_of(application) or {}
    audit.record(api.portal.get(), what, application.UID(), comment, scores=evaluation.get("scores", {}))
