"""The portal's Erasmus+ and eTwinning numbers (``@twinning-stats``).

Managers, site administrators and European validators see every country; a
national validator sees the numbers of its countries (the ``validators-CC``
groups it belongs to). Everything is read from a restricted catalog search
(indexes and the ``twinning_summary`` column), never from the objects.
"""

from collections import defaultdict
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roles import EUROPEAN_VALIDATOR
from plone import api


ALL_COUNTRIES_ROLES = frozenset({"Manager", "Site Administrator", EUROPEAN_VALIDATOR})


def countries_seen_by(userid: str) -> list[str] | None:
    """None: every country; otherwise the countries whose numbers the user sees."""
    if ALL_COUNTRIES_ROLES & set(api.user.get_roles(username=userid)):
        return None
    return sorted(validator_countries(userid))


def _nested():
    return defaultdict(lambda: defaultdict(int))


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in sorted(value.items())}
    return value


def statistics(userid: str) -> dict:
    countries = countries_seen_by(userid)
    catalog = api.portal.get_tool("portal_catalog")
    scope = {} if countries is None else {"twinning_countries": countries}
    if countries == []:
        scope = None  # a validator without a country sees nothing
    countries_index = catalog._catalog.getIndex("twinning_countries")

    def search(portal_type):
        return [] if scope is None else catalog(portal_type=portal_type, **scope)

    projects = _nested()
    # Each project once per state, however many of the seen countries it has
    # (a two-country project counts once here, once per country above).
    projects_by_state = defaultdict(int)
    project_total = 0
    for brain in search("TwinSpace"):
        project_total += 1
        projects_by_state[brain.review_state] += 1
        for country in countries_index.getEntryForObject(brain.getRID(), []) or []:
            if countries is None or country in countries:
                projects[brain.review_state][country] += 1

    by_key_action, by_activity, by_status = defaultdict(int), defaultdict(int), defaultdict(int)
    participants = defaultdict(int)
    for brain in search("Mobility"):
        summary = brain.twinning_summary or {}
        by_status[brain.review_state] += 1
        if brain.review_state == "cancelled":
            continue
        by_key_action[summary.get("key_action")] += 1
        by_activity[summary.get("activity_type")] += 1
        for name in ("participants_staff", "participants_pupils", "accompanying_persons"):
            participants[name] += summary.get(name) or 0
    participants["total"] = sum(participants.values())

    labels = defaultdict(_nested)
    for brain in search("QualityLabel"):
        summary = brain.twinning_summary or {}
        labels[summary.get("level")][summary.get("school_year")][brain.review_state] += 1

    return {
        "countries": countries,
        "projects": {
            "total": project_total,
            "by_state": _plain(dict(projects_by_state)),
            "by_state_and_country": _plain(projects),
        },
        "mobilities": {
            "total": sum(by_key_action.values()),
            "by_key_action": _plain(dict(by_key_action)),
            "by_activity_type": _plain(dict(by_activity)),
            "by_status": _plain(dict(by_status)),
        },
        "participants": {
            name: participants[name]
            for name in ("participants_staff", "participants_pupils", "accompanying_persons", "total")
        },
        "labels": {
            level: {year: _plain(dict(states)) for year, states in sorted(years.items())}
            for level, years in sorted(labels.items())
        },
    }
