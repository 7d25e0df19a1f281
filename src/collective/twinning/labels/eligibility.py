"""Who may apply for a Quality Label for which project, callable without HTTP.

``eligibility_problems`` returns one message per refusal, each starting with
``Rule '<name>'``; the schema invariant of ``IQualityLabel`` raises them, so
plone.restapi answers 400 and nothing is written.
"""

from __future__ import annotations

from AccessControl import getSecurityManager
from Acquisition import aq_base
from collections.abc import Mapping
from collective.twinning.lifecycle.countries import project_kind
from collective.twinning.membership.roles import TWINSPACE_ADMIN
from collective.twinning.membership.roles import TWINSPACE_TEACHER
from collective.twinning.membership.roster import Roster
from plone import api


ELIGIBLE_PROJECT_STATES = ("running", "concluded", "labelled")
APPLICANT_ROLES = (TWINSPACE_ADMIN, TWINSPACE_TEACHER)
MAX_NATIONAL_PER_YEAR = 4


RECORD = "_applicant_of_record"


def applicant_of_record(label) -> str | None:
    """The applicant as stored when the application was made or last changed."""
    return getattr(aq_base(label), RECORD, None)


def record_applicant(label) -> None:
    setattr(label, RECORD, label.applicant)


def _problem(rule: str, text: str) -> str:
    return f"Rule '{rule}': {text}"


def _same(label, other) -> bool:
    return label is not None and other.getPhysicalPath() == label.getPhysicalPath()


def applications_in(space) -> list:
    """The Quality Label applications of a project (they live in its TwinSpace)."""
    return [obj for obj in space.objectValues() if getattr(obj, "portal_type", None) == "QualityLabel"]


def national_applications(userid: str, school_year: str, label=None) -> int:
    """How many national applications ``userid`` has for ``school_year``, ``label`` aside.

    A rule's count, never shown: it must see the applicant's applications in
    every project, whatever the current user may view.
    """
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="QualityLabel", label_applicant=userid):
        summary = brain.twinning_summary or {}
        if summary.get("level") != "national" or summary.get("school_year") != school_year:
            continue
        if label is not None and brain.getPath() == "/".join(label.getPhysicalPath()):
            continue
        count += 1
    return count


def national_label_countries(space) -> set[str]:
    """Countries of the partners who hold an awarded national label for this project."""
    return {
        getattr(obj, "applicant_country", None)
        for obj in applications_in(space)
        if obj.level == "national" and api.content.get_state(obj=obj, default=None) == "awarded"
    } - {None}


def eligibility_problems(values: Mapping, space, label=None, userid: str | None = None) -> list[str]:
    """Why this application may not be made (empty: it may).

    ``label`` is the application itself once it exists (an edit), ``userid``
    whoever makes the application (default: the current user).
    """
    if space is None:
        return []
    problems = []
    applicant = values.get("applicant")
    level = values.get("level")
    school_year = values.get("school_year")
    current = api.user.get_current()
    userid = userid or current.getId()

    state = api.content.get_state(obj=space, default=None)
    if state not in ELIGIBLE_PROJECT_STATES:
        problems.append(
            _problem("project_state", f"a project is labelled once it runs or has concluded; it is {state}.")
        )
    if applicant:
        is_admin = getSecurityManager().checkPermission("Manage portal", space)
        # On an edit, keeping the applicant of record is no new application (the
        # deserializer has already set the new values on the object).
        unchanged = label is not None and applicant == applicant_of_record(label)
        if applicant != userid and not is_admin and not unchanged:
            problems.append(_problem("applicant", "a teacher applies for themself: applicant must be you."))
        role = Roster(space).role_of(applicant)
        if role not in APPLICANT_ROLES:
            problems.append(
                _problem(
                    "applicant_role",
                    f"the applicant must be TwinSpaceAdmin or TwinSpaceTeacher of the project; "
                    f"{applicant} is {role or 'not a member'}.",
                )
            )
        if level and any(
            other.applicant == applicant and other.level == level and not _same(label, other)
            for other in applications_in(space)
        ):
            problems.append(
                _problem(
                    "one_per_level", f"{applicant} already applied for a {level} label for this project."
                )
            )
        if (
            level == "national"
            and school_year
            and national_applications(applicant, school_year, label) >= MAX_NATIONAL_PER_YEAR
        ):
            problems.append(
                _problem(
                    "national_per_year",
                    f"at most {MAX_NATIONAL_PER_YEAR} national applications per teacher in a "
                    f"school year; {applicant} has {MAX_NATIONAL_PER_YEAR} for {school_year}.",
                )
            )
    if level == "european":
        if project_kind(getattr(space, "countries", ())) != "european":
            problems.append(
                _problem(
                    "european_project",
                    "a European label is for a project of partners from several countries.",
                )
            )
        elif len(national_label_countries(space)) < 2:
            problems.append(
                _problem(
                    "national_labels",
                    "a European label needs national labels held by at least two partners "
                    "from different countries.",
                )
            )
    return problems
