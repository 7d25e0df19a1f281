"""Opening a School label call tells the teachers of the schools that are eligible.

Only schools of the call's country (every country for a European call) registered
two years before are looked at; each is checked with ``school_label.eligibility``.
"""

from collective.twinning import _
from collective.twinning.collaboration.notifications import notify
from collective.twinning.recognition import school_label
from DateTime import DateTime
from datetime import date
from plone import api


def eligible_organisations(call, today: date | None = None) -> list:
    """The organisations of the call's country that are eligible for it today."""
    today = today or date.today()
    day = school_label.reference_day(call, today)
    registered_by = school_label.years_after(day, -school_label.REGISTERED_YEARS)
    query = {
        "portal_type": "Organisation",
        "created": {"query": DateTime(f"{registered_by.isoformat()} 23:59:59"), "range": "max"},
    }
    if call.country:
        query["country"] = call.country
    found = []
    # Safe unrestricted: the schools are only told (notifications), never listed to the validator.
    for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query):
        organisation = brain._unrestrictedGetObject()
        if school_label.eligibility(organisation, call, today)["eligible"]:
            found.append(organisation)
    return found


def tell_eligible_schools(call, today: date | None = None) -> dict:
    """Notify the teachers of every eligible school; {organisation UID: teachers notified}."""
    told = {}
    for organisation in eligible_organisations(call, today):
        teachers = school_label.teachers_of(organisation)
        title = _(
            "${school}: eligible for the eTwinning School label (${school_year})",
            mapping={"school": organisation.title, "school_year": call.school_year},
        )
        told[organisation.UID()] = notify(teachers, "lifecycle", title, obj=call)
    return told
