"""The activity of a TwinSpace or Group (``@activity``): its newest events, filtered to the viewer.

Content and comments come from the catalog (``searchResults``: Plone's own
security, so a pupil never sees the bulletin nor its comments), newest first with
a ``sort_limit``; joins and state changes from the place's audit log. Both are
merged by date and batched.
"""

from collective.twinning import audit
from datetime import datetime
from datetime import UTC
from plone import api

import heapq
import itertools


KINDS = {
    "Post": "post",
    "Thread": "thread",
    "Forum": "forum",
    "Page": "page",
    "Material": "material",
    "Meeting": "meeting",
    "Poll": "poll",
    "Discussion Item": "comment",
}
CONVERSATION = "/++conversation++default/"
JOIN_EVENTS = ("member_added", "pupil_created")
MAX_BATCH = 100


def _epoch(value) -> float:
    if hasattr(value, "timeTime"):  # Zope DateTime
        return value.timeTime()
    return datetime.fromisoformat(value).timestamp()


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


def _content_events(place, limit: int):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        path="/".join(place.getPhysicalPath()),
        portal_type=list(KINDS),
        sort_on="created",
        sort_order="descending",
        sort_limit=limit,
    )
    total = getattr(brains, "actual_result_count", len(brains))
    events = ((-_epoch(brain.created), "content", brain) for brain in itertools.islice(brains, limit))
    return events, total


def _audit_events(place, viewer_sees_members: bool):
    kinds = (*JOIN_EVENTS, "transition") if viewer_sees_members else ("transition",)
    return [
        (-_epoch(entry["when"]), "audit", entry) for entry in audit.entries(place) if entry["what"] in kinds
    ]


def _comment_kind(catalog, path: str) -> str:
    parent = path.split(CONVERSATION, 1)[0]
    rid = catalog.getrid(parent)
    metadata = catalog.getMetadataForRID(rid) if rid is not None else {}
    return "reply" if metadata.get("portal_type") == "Thread" else "comment"


def _creator(place, brain) -> str:
    """The item's creator, read from the item (creators are not catalogued inside places)."""
    item = place
    for name in brain.getPath().split("/")[len(place.getPhysicalPath()) :]:
        if name.startswith("++"):
            item = item.unrestrictedTraverse(name)  # a conversation: its comments by key below
        else:
            item = item._getOb(name) if hasattr(item, "_getOb") else item[name]
    return item.Creator()


def _content_item(place, catalog, brain, sees_members: bool) -> dict:
    kind = KINDS.get(brain.portal_type, "content")
    url = brain.getURL()
    if kind == "comment":
        kind = _comment_kind(catalog, brain.getPath())
        base, _sep, comment_id = url.partition(CONVERSATION)
        url = f"{base}#{comment_id}"
    return {
        "kind": kind,
        "actor": _creator(place, brain) if sees_members else None,
        "date": _iso(_epoch(brain.created)),
        "title": brain.Title,
        "url": url,
    }


def _audit_item(place, entry: dict) -> dict:
    if entry["what"] == "transition":
        return {
            "kind": "state_change",
            "actor": entry.get("who"),
            "date": _iso(_epoch(entry["when"])),
            "title": entry.get("to_state") or "",
            "url": place.absolute_url(),
        }
    return {
        "kind": "member_joined",
        "actor": entry.get("target"),
        "date": _iso(_epoch(entry["when"])),
        "title": entry.get("role") or "",
        "url": place.absolute_url(),
    }


def activity(place, viewer_id: str | None, b_start: int = 0, b_size: int = 25) -> dict:
    """The newest events of ``place`` that the current user may see, batched."""
    limit = b_start + b_size
    sees_members = bool(api.user.has_permission("collective.twinning: View members", obj=place))
    content, content_total = _content_events(place, limit)
    logged = _audit_events(place, sees_members)
    merged = heapq.merge(content, logged, key=lambda event: event[0])
    catalog = api.portal.get_tool("portal_catalog")
    items = []
    for _date, source, data in itertools.islice(merged, b_start, limit):
        items.append(
            _content_item(place, catalog, data, sees_members)
            if source == "content"
            else _audit_item(place, data)
        )
    return {"items": items, "items_total": content_total + len(logged)}
