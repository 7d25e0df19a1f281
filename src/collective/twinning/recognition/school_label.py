"""The eTwinning School label of an organisation: eligibility from the catalog, and the label held.

A school is eligible on a reference day when
- it was registered (the Organisation created) at least two years before,
- at least three of its teachers (visible profiles naming it) were active since
  the day two years before: a member of a project (validated or later) or a group
  (active or archived) changed since then, or a learning event completed that
  ended since then,
- at least one National Quality Label awarded to one of its teachers for a
  European project falls in the call's window (both ends included).
The numbers are the rule's, counted whatever the asker may see; only counts and
dates are shown. The label, once awarded, covers the call's school year and the
next one (``awarded_until``: 31 August at the end of the second).
"""

from collective.twinning import _
from collective.twinning.content.organisation import IOrganisation
from collective.twinning.content.quality_label import current_school_year
from collective.twinning.content.quality_label import school_year_of
from collective.twinning.learning.ledger import completed_since_of
from collective.twinning.membership.index import places_of
from collective.twinning.search.facets import record_ids
from DateTime import DateTime
from datetime import date
from plone import api
from plone.indexer import indexer
from zope.i18nmessageid import Message


REGISTERED_YEARS = 2
MIN_ACTIVE_TEACHERS = 3
MIN_NATIONAL_LABELS = 1
ACTIVE_PROJECT_STATES = ("validated", "running", "concluded", "labelled", "archived")
ACTIVE_GROUP_STATES = ("active", "archived")
LABEL_ATTRIBUTE = "school_labels"  # ((school_year, until ISO date, application UID), ...)


def years_after(day: date, years: int) -> date:
    """The same calendar day ``years`` later (or earlier); 29 February becomes 1 March."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def _day(value) -> date:
    if isinstance(value, DateTime):
        return value.asdatetime().date()
    return value


def _catalog():
    return api.portal.get_tool("portal_catalog")


def teachers_of(organisation) -> list[str]:
    """User ids of the teachers whose visible profile names the organisation."""
    # Safe unrestricted: the rule's count and the recipients of its notices, never listed to the asker.
    brains = _catalog().unrestrictedSearchResults(
        portal_type="TeacherProfile", organisation_uid=organisation.UID(), review_state="visible"
    )
    return sorted(brain.getId for brain in brains)


def active_places(uids, since: date) -> set[str]:
    """Of these place UIDs, the projects and groups in an active state changed since ``since``."""
    if not uids:
        return set()
    # Safe unrestricted: only counts active teachers (a teacher cannot see others' private projects).
    catalog = _catalog()
    brains = catalog.unrestrictedSearchResults(
        UID=sorted(uids),
        portal_type=["TwinSpace", "Group"],
        review_state=list(ACTIVE_PROJECT_STATES + ACTIVE_GROUP_STATES),
        modified={"query": DateTime(since.isoformat()), "range": "min"},
    )
    rids = record_ids(brains)
    if rids is None:
        return {brain.UID for brain in brains}
    # The UIDs from the index, without making a brain for each record (bench/recognition.py).
    uid_index = catalog._catalog.getIndex("UID")
    return {uid_index.getEntryForObject(rid) for rid in rids}


def active_teachers(userids, since: date) -> list[str]:
    """The teachers active since ``since``: in an active place, or a learning event completed."""
    places = {userid: set(uids) for userid, uids in places_of(userids).items()}
    live = active_places(set().union(*places.values()) if places else set(), since)
    active = {userid for userid, uids in places.items() if uids & live}
    active |= completed_since_of(set(userids) - active, since)
    return sorted(active)


def national_labels(userids, window: tuple[date, date]) -> list[str]:
    """Paths of the National Quality Labels awarded to these teachers within the window,
    for European projects."""
    if not userids:
        return []
    low, high = window
    catalog = _catalog()
    found = {}
    # Safe unrestricted (here and below): only the number of labels and their dates make the rule.
    for brain in catalog.unrestrictedSearchResults(
        portal_type="QualityLabel", review_state="awarded", label_applicant=sorted(userids)
    ):
        summary = brain.twinning_summary or {}
        awarded = summary.get("awarded")
        if summary.get("level") != "national" or not awarded:
            continue
        if low <= date.fromisoformat(awarded[:10]) <= high:
            found[brain.getPath()] = brain.getPath().rsplit("/", 1)[0]
    if not found:
        return []
    european = {
        brain.getPath()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="TwinSpace",
            project_kind="european",
            path={"query": sorted(set(found.values())), "depth": 0},
        )
    }
    return sorted(path for path, project in found.items() if project in european)


# --- calls ----------------------------------------------------------------------------------


def calls_for(organisation) -> list:
    """The calls (open or closed) whose country is the organisation's, or every country's."""
    country = getattr(organisation, "country", None)
    calls = []
    # Restricted: the call found reaches the asker (its summary, ``?call=``); open and closed
    # calls are public, so the rule sees the same calls whoever asks.
    for brain in _catalog()(portal_type="SchoolLabelCall", review_state=["open", "closed"]):
        call = brain.getObject()
        if not call.country or call.country == country:
            calls.append(call)
    return calls


def is_open(call, today: date) -> bool:
    return api.content.get_state(obj=call, default=None) == "open" and call.opens <= today <= call.closes


def current_call(organisation, today: date | None = None):
    """The open call of the organisation's country (a national one before a European one),
    else the latest call that opened; None when there is none."""
    today = today or date.today()
    calls = calls_for(organisation)
    open_calls = [call for call in calls if is_open(call, today)]
    if open_calls:
        return sorted(open_calls, key=lambda call: (not call.country, call.opens))[0]
    started = [call for call in calls if call.opens <= today]
    return max(started, key=lambda call: call.opens) if started else None


def window_of(call, today: date) -> tuple[date, date]:
    """The days in which a National Quality Label counts: the call's, or the last year."""
    if call is not None:
        return call.nql_from, call.nql_to
    return years_after(today, -1), today


def reference_day(call, today: date) -> date:
    """Eligibility is judged today, but never after the call closed."""
    return min(today, call.closes) if call is not None else today


# --- eligibility --------------------------------------------------------------------------


def _criterion(name, value, required, met: bool, reason: Message | None, **extra) -> dict:
    return {
        "name": name,
        "value": value,
        "required": required,
        "met": met,
        "reason": None if met else reason,
        **extra,
    }


def eligibility(organisation, call=None, today: date | None = None) -> dict:
    """Whether the organisation may apply, each criterion's value and why not.

    ``call`` defaults to ``current_call``; ``reason`` values are messages to translate.
    """
    today = today or date.today()
    if call is None:
        call = current_call(organisation, today)
    day = reference_day(call, today)
    registered = _day(organisation.created())
    registered_since = years_after(day, -REGISTERED_YEARS)
    teachers = teachers_of(organisation)
    active = active_teachers(teachers, registered_since)
    window = window_of(call, today)
    labels = national_labels(teachers, window)
    criteria = [
        _criterion(
            "registered",
            registered.isoformat(),
            years_after(registered, REGISTERED_YEARS).isoformat(),
            registered <= registered_since,
            _(
                "Registered on ${registered}: two years are reached on ${due}.",
                mapping={
                    "registered": registered.isoformat(),
                    "due": years_after(registered, REGISTERED_YEARS).isoformat(),
                },
            ),
        ),
        _criterion(
            "active_teachers",
            len(active),
            MIN_ACTIVE_TEACHERS,
            len(active) >= MIN_ACTIVE_TEACHERS,
            _(
                "${count} of its teachers were active since ${since}; at least ${required} must be.",
                mapping={
                    "count": len(active),
                    "since": registered_since.isoformat(),
                    "required": MIN_ACTIVE_TEACHERS,
                },
            ),
            teachers=len(teachers),
            since=registered_since.isoformat(),
        ),
        _criterion(
            "national_quality_label",
            len(labels),
            MIN_NATIONAL_LABELS,
            len(labels) >= MIN_NATIONAL_LABELS,
            _(
                "No National Quality Label for a European project of its teachers was awarded "
                "between ${start} and ${end}.",
                mapping={"start": window[0].isoformat(), "end": window[1].isoformat()},
            ),
            window={"from": window[0].isoformat(), "to": window[1].isoformat()},
        ),
    ]
    return {
        "eligible": all(criterion["met"] for criterion in criteria),
        "reference_date": day.isoformat(),
        "call": call_summary(call),
        "criteria": criteria,
        "awarded_until": awarded_until(organisation, today),
        "school_years": held_school_years(organisation),
    }


def call_summary(call) -> dict | None:
    if call is None:
        return None
    return {
        "@id": call.absolute_url(),
        "UID": call.UID(),
        "title": call.Title(),
        "school_year": call.school_year,
        "country": call.country,
        "opens": call.opens.isoformat(),
        "closes": call.closes.isoformat(),
        "state": api.content.get_state(obj=call, default=None),
    }


# --- the label held -------------------------------------------------------------------


def next_school_year(school_year: str) -> str:
    first = int(school_year.split("-")[0]) + 1
    return f"{first}-{first + 1}"


def label_period(school_year: str) -> tuple[tuple[str, str], date]:
    """The two school years a label of a call covers, and the last day it is held."""
    second = next_school_year(school_year)
    return (school_year, second), date(int(second.split("-")[1]), 8, 31)


def award(organisation, school_year: str, application_uid: str) -> date:
    """Store the label on the organisation (not a field: nobody edits it) and reindex it."""
    _years, until = label_period(school_year)
    held = tuple(entry for entry in getattr(organisation, LABEL_ATTRIBUTE, ()) if entry[2] != application_uid)
    setattr(organisation, LABEL_ATTRIBUTE, (*held, (school_year, until.isoformat(), application_uid)))
    organisation.reindexObject(idxs=["school_label", "twinning_summary"])
    return until


def withdraw(organisation, application_uid: str) -> None:
    held = getattr(organisation, LABEL_ATTRIBUTE, ())
    kept = tuple(entry for entry in held if entry[2] != application_uid)
    if kept != held:
        setattr(organisation, LABEL_ATTRIBUTE, kept)
        organisation.reindexObject(idxs=["school_label", "twinning_summary"])


def held_school_years(organisation) -> list[str]:
    years = set()
    for school_year, _until, _uid in getattr(organisation, LABEL_ATTRIBUTE, ()):
        years.update(label_period(school_year)[0])
    return sorted(years)


def last_day_held(organisation) -> str | None:
    """The last day of the latest label awarded, held or expired (ISO), or None."""
    days = [until for _year, until, _uid in getattr(organisation, LABEL_ATTRIBUTE, ())]
    return max(days) if days else None


def awarded_until(organisation, today: date | None = None) -> str | None:
    """The last day of the label the organisation holds today, or None."""
    today = today or date.today()
    days = [
        date.fromisoformat(until)
        for _year, until, _uid in getattr(organisation, LABEL_ATTRIBUTE, ())
        if date.fromisoformat(until) >= today
    ]
    return max(days).isoformat() if days else None


def school_years_vocabulary_values(today: date | None = None) -> list[str]:
    """School years a label may cover: from 2020-2021 to the one after next."""
    current = int(current_school_year().split("-")[0]) if today is None else int(school_year_of(today)[:4])
    return [f"{year}-{year + 1}" for year in range(2020, current + 3)]


@indexer(IOrganisation)
def school_label(organisation):
    """The school years in which the organisation holds the label (the search facet)."""
    return held_school_years(organisation)
