"""What a project and a teacher hold: the awarded Quality Labels, from the catalog.

For ``@project-search`` (facet ``quality_labels`` on TwinSpaces) and the
teacher's profile (``awarded_labels_of``).
"""

from collective.twinning.content.quality_label import IQualityLabel
from collective.twinning.content.twinspace import ITwinSpace
from plone import api
from plone.indexer import indexer


LEVELS = ("national", "european")


def awarded_date(label) -> str | None:
    """When the label was awarded (ISO 8601), from its workflow history."""
    history = getattr(label, "workflow_history", {}).get("quality_label_workflow", ())
    for entry in reversed(history):
        if entry.get("action") == "award":
            return entry["time"].ISO8601()
    return None


def awarded_levels(space) -> list[str]:
    """The levels of the labels awarded to the project, e.g. ["national", "european"]."""
    levels = {
        obj.level
        for obj in space.objectValues()
        if IQualityLabel.providedBy(obj) and api.content.get_state(obj=obj, default=None) == "awarded"
    }
    return [level for level in LEVELS if level in levels]


def awarded_labels_of(userid: str) -> list[dict]:
    """The labels awarded to ``userid``'s applications, newest first.

    Awarded labels are public, so a normal (restricted) catalog search finds
    them for anyone; the projects come from a second query by path.
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(portal_type="QualityLabel", label_applicant=userid, review_state="awarded")
    parents = {brain.getPath().rsplit("/", 1)[0] for brain in brains}
    projects = (
        {
            brain.getPath(): brain
            for brain in catalog(path={"query": sorted(parents), "depth": 0}, portal_type="TwinSpace")
        }
        if parents
        else {}
    )
    labels = []
    for brain in brains:
        summary = brain.twinning_summary or {}
        project = projects.get(brain.getPath().rsplit("/", 1)[0])
        labels.append(
            {
                "project_title": project.Title if project else None,
                "project_url": project.getURL() if project else None,
                "project_uid": project.UID if project else None,
                "label_url": brain.getURL(),
                "level": summary.get("level"),
                "country": summary.get("country"),
                "school_year": summary.get("school_year"),
                "awarded": summary.get("awarded"),
            }
        )
    labels.sort(key=lambda item: item["awarded"] or "", reverse=True)
    return labels


@indexer(IQualityLabel)
def label_applicant(label):
    return label.applicant


@indexer(ITwinSpace)
def quality_labels(space):
    return awarded_levels(space)
