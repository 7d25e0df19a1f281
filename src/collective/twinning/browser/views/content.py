"""What a TwinSpace or Group page lists, read with the current user's rights.

Small functions over restricted catalog searches (never unrestricted): the
page tree, the materials by kind, mobilities, label applications, and the
transitions the user may fire.
"""

from collective.twinning.browser.views.base import human_size
from plone import api
from urllib.parse import parse_qs
from urllib.parse import urlparse


# Transitions fired by the rules, not by a button: the validation checklist
# (validate/reject of a project) and the label evaluation (award/reject).
SYSTEM_TRANSITIONS = {
    "TwinSpace": {"validate", "reject"},
    "QualityLabel": {"award", "reject"},
    "SchoolLabelApplication": {"award", "reject"},
}


def available_transitions(obj) -> list[dict]:
    """The transitions the current user may fire on ``obj`` by hand: id and title (msgid)."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    hidden = SYSTEM_TRANSITIONS.get(obj.portal_type, set())
    titles = {}
    for workflow in workflow_tool.getWorkflowsFor(obj):
        for transition_id, transition in workflow.transitions.items():
            titles[transition_id] = transition.title or transition_id
    return [
        {"id": item["id"], "title": titles.get(item["id"], item["id"])}
        for item in workflow_tool.getTransitionsFor(obj)
        if item["id"] not in hidden
    ]


def _path(obj) -> str:
    return "/".join(obj.getPhysicalPath())


def _search(place, portal_type, **query):
    return api.content.find(context=place, portal_type=portal_type, **query)


def page_tree(place) -> list[dict]:
    """The pages of a space or group as a tree: title, url, state, children."""
    brains = _search(place, "Page", sort_on="getObjPositionInParent")
    nodes = {
        brain.getPath(): {
            "title": brain.Title,
            "url": brain.getURL(),
            "state": brain.review_state,
            "children": [],
        }
        for brain in brains
    }
    roots = []
    for brain in brains:
        parent = brain.getPath().rsplit("/", 1)[0]
        (nodes[parent]["children"] if parent in nodes else roots).append(nodes[brain.getPath()])
    return roots


def player_url(url: str) -> str | None:
    """The embeddable player of a YouTube, Vimeo or Dailymotion address (https only)."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower()
    if parsed.scheme != "https":
        return None
    parts = [part for part in parsed.path.split("/") if part]
    if host in ("youtube.com", "www.youtube.com", "m.youtube.com"):
        video = parse_qs(parsed.query).get("v", [None])[0]
        if not video and len(parts) >= 2 and parts[0] in ("embed", "shorts", "live"):
            video = parts[1]
        return f"https://www.youtube-nocookie.com/embed/{video}" if video else None
    if host == "youtu.be" and parts:
        return f"https://www.youtube-nocookie.com/embed/{parts[0]}"
    if host == "www.youtube-nocookie.com" and len(parts) >= 2:
        return f"https://www.youtube-nocookie.com/embed/{parts[1]}"
    if host in ("vimeo.com", "www.vimeo.com") and parts and parts[-1].isdigit():
        return f"https://player.vimeo.com/video/{parts[-1]}"
    if host == "player.vimeo.com" and parts:
        return f"https://player.vimeo.com/video/{parts[-1]}"
    if host in ("dailymotion.com", "www.dailymotion.com") and len(parts) >= 2 and parts[0] == "video":
        return f"https://www.dailymotion.com/embed/video/{parts[1].split('_')[0]}"
    if host == "dai.ly" and parts:
        return f"https://www.dailymotion.com/embed/video/{parts[0]}"
    return None


def materials(place) -> dict:
    """The materials the user may see, by kind: images, videos, files."""
    result = {"images": [], "videos": [], "files": []}
    for brain in _search(place, "Material", sort_on="created", sort_order="descending"):
        material = brain.getObject()
        item = {
            "title": material.Title(),
            "url": brain.getURL(),
            "state": brain.review_state,
            "description": material.Description(),
        }
        if getattr(material, "image", None):
            item["thumb"] = f"{brain.getURL()}/@@images/image/preview"
            item["full"] = f"{brain.getURL()}/@@images/image"
            result["images"].append(item)
        elif getattr(material, "embed_url", None):
            item["player"] = player_url(material.embed_url)
            item["link"] = material.embed_url
            result["videos"].append(item)
        elif getattr(material, "file", None):
            blob = material.file
            item["download"] = f"{brain.getURL()}/@@download/file/{blob.filename or 'file'}"
            item["filename"] = blob.filename
            item["size"] = human_size(blob.getSize())
            item["content_type"] = blob.contentType
            result["files"].append(item)
    return result


def mobilities(space) -> list[dict]:
    items = []
    for brain in _search(space, "Mobility", sort_on="created"):
        mobility = brain.getObject()
        items.append(
            {
                "id": brain.getId,
                "title": brain.Title,
                "url": brain.getURL(),
                "state": brain.review_state,
                "activity_type": mobility.activity_type,
                "key_action": mobility.key_action,
                "direction": mobility.direction,
                "host_country": mobility.host_country,
                "start": mobility.start,
                "end": mobility.end,
                "staff": mobility.participants_staff or 0,
                "pupils": mobility.participants_pupils or 0,
                "accompanying": mobility.accompanying_persons or 0,
                "object": mobility,
            }
        )
    return items


def labels(space) -> list[dict]:
    items = []
    for brain in _search(space, "QualityLabel", sort_on="created"):
        label = brain.getObject()
        user = api.user.get(userid=label.applicant) if label.applicant else None
        items.append(
            {
                "id": brain.getId,
                "title": brain.Title,
                "url": brain.getURL(),
                "state": brain.review_state,
                "level": label.level,
                "school_year": label.school_year,
                "applicant": label.applicant,
                "applicant_name": (user.getProperty("fullname", "") if user else "") or label.applicant,
                "object": label,
            }
        )
    return items
