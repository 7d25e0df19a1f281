"""The data an Erasmus+ interim or final report needs, for one TwinSpace (``@report``).

Everything comes from a restricted catalog search under the space (what the
reader may see) and the space's roster and history. Pupils appear as counts
only; no e-mail addresses. Dates are ISO 8601.
"""

from collections import Counter
from collective.twinning.indexers.erasmus import label_summary_of
from collective.twinning.indexers.erasmus import mobility_summary_of
from collective.twinning.lifecycle.countries import project_kind
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import founders
from collective.twinning.membership.roster import Roster
from datetime import datetime
from datetime import UTC
from plone import api

import csv
import io


MOBILITY_COLUMNS = (
    "title",
    "key_action",
    "activity_type",
    "direction",
    "sending_organisation",
    "receiving_organisation",
    "sending_country",
    "host_country",
    "start",
    "end",
    "days",
    "participants_staff",
    "participants_pupils",
    "accompanying_persons",
    "status",
)


def _iso(value):
    if value is None:
        return None
    if hasattr(value, "ISO8601"):  # Zope DateTime
        return value.ISO8601()
    return value.isoformat()


def state_history(obj, workflow_id: str) -> list[dict]:
    """Who moved the item to which state, and when (oldest first)."""
    history = getattr(obj, "workflow_history", {}).get(workflow_id, ())
    return [
        {
            "state": entry.get("review_state"),
            "action": entry.get("action"),
            "actor": entry.get("actor"),
            "date": _iso(entry.get("time")),
            "comment": entry.get("comments") or "",
        }
        for entry in history
    ]


def summary(space) -> dict:
    return {
        "title": space.Title(),
        "description": space.Description(),
        "url": space.absolute_url(),
        "uid": space.UID(),
        "state": api.content.get_state(obj=space),
        "countries": list(getattr(space, "countries", ()) or ()),
        "kind": project_kind(getattr(space, "countries", ()) or ()),
        "founders": list(founders(space)),
        "erasmus_key_action": space.erasmus_key_action,
        "erasmus_project_reference": space.erasmus_project_reference,
        "start": _iso(space.start),
        "end": _iso(space.end),
        "languages": list(space.languages or ()),
        "subjects": list(space.subjects or ()),
        "age_from": space.age_from,
        "age_to": space.age_to,
        "created": _iso(space.created()),
    }


def members(space) -> dict:
    """Adults by name, country and role; pupils only counted."""
    by_country = Counter()
    adults = []
    for userid, role in Roster(space).items():
        user = api.user.get(userid=userid)
        if user is None:
            continue
        country = user.getProperty("country", "") or None
        if role != TWINSPACE_PUPIL:
            adults.append(
                {
                    "id": userid,
                    "fullname": user.getProperty("fullname", "") or userid,
                    "country": country,
                    "role": role,
                }
            )
        by_country[(country, role)] += 1
    counts = [
        {"country": country, "role": role, "count": count}
        for (country, role), count in sorted(
            by_country.items(), key=lambda item: (item[0][0] or "", item[0][1])
        )
    ]
    return {
        "total": sum(by_country.values()),
        "pupils": sum(count for (_c, role), count in by_country.items() if role == TWINSPACE_PUPIL),
        "by_country_and_role": counts,
        "adults": adults,
    }


def _under(space, **query):
    return api.content.find(context=space, sort_on="created", depth=None, **query)


def pages_and_materials(space) -> list[dict]:
    return [
        {
            "title": brain.Title,
            "type": brain.portal_type,
            "url": brain.getURL(),
            "state": brain.review_state,
            "created": _iso(brain.created),
            "modified": _iso(brain.modified),
        }
        for brain in _under(space, portal_type=["Page", "Material"])
    ]


def mobilities(space) -> list[dict]:
    rows = []
    for brain in _under(space, portal_type="Mobility"):
        mobility = brain.getObject()
        rows.append(
            {
                "title": brain.Title,
                "url": brain.getURL(),
                **mobility_summary_of(mobility),
                "sending_organisation": mobility.sending_organisation,
                "receiving_organisation": mobility.receiving_organisation,
                "preparation_pages": [
                    relation.to_object.absolute_url()
                    for relation in (mobility.preparation_pages or ())
                    if getattr(relation, "to_object", None) is not None
                ],
                "status": brain.review_state,
                "history": state_history(mobility, "mobility_workflow"),
            }
        )
    return rows


def labels(space) -> list[dict]:
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            **label_summary_of(brain.getObject()),
            "status": brain.review_state,
        }
        for brain in _under(space, portal_type="QualityLabel")
    ]


def project_report(space) -> dict:
    items = mobilities(space)
    active = [m for m in items if m["status"] != "cancelled"]
    return {
        "project": summary(space),
        "state_history": state_history(space, "twinspace_workflow"),
        "members": members(space),
        "content": pages_and_materials(space),
        "mobilities": items,
        "mobility_totals": {
            "mobilities": len(active),
            "participants_staff": sum(m["participants_staff"] for m in active),
            "participants_pupils": sum(m["participants_pupils"] for m in active),
            "accompanying_persons": sum(m["accompanying_persons"] for m in active),
        },
        "labels": labels(space),
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _cell(value):
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with '."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def mobilities_csv(rows: list[dict]) -> str:
    """The mobility table of the report as CSV (one row per mobility)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MOBILITY_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(row.get(name)) for name in MOBILITY_COLUMNS})
    return out.getvalue()
