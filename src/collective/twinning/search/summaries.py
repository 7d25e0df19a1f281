"""What each search returns per item, kept in the catalog column ``twinning_summary``: public fields only."""

from collective.twinning.behaviors.expiry import IExpiry
from collective.twinning.indexers.directory import erasmus
from collective.twinning.indexers.directory import related_organisation
from collective.twinning.labels.awarded import awarded_levels
from collective.twinning.lifecycle.countries import project_kind
from collective.twinning.recognition.prizes import prize as prize_index
from collective.twinning.recognition.school_label import held_school_years
from collective.twinning.recognition.school_label import last_day_held
from ZPublisher.BaseRequest import quote


def _base(obj) -> dict:
    return {"@type": obj.portal_type, "UID": obj.UID(), "title": obj.title}


def _organisation(obj) -> dict | None:
    organisation = related_organisation(obj)
    if organisation is None:
        return None
    # A path, not a URL: the URL depends on the request (virtual hosting).
    return {
        "path": "/".join(organisation.getPhysicalPath()),
        "UID": organisation.UID(),
        "title": organisation.title,
    }


def _date(value) -> str | None:
    return value.isoformat() if value is not None else None


def _created(obj) -> str:
    return obj.created().ISO8601()


def profile_summary(profile) -> dict:
    return {
        **_base(profile),
        "country": profile.country,
        "organisation": _organisation(profile),
        "member_type": profile.member_type,
        "subjects": list(profile.subjects or []),
        "vocational_subjects": list(profile.vocational_subjects or []),
        "languages": list(profile.languages or []),
        "available_for_projects": bool(profile.available_for_projects),
        "ambassador": bool(profile.ambassador),
    }


def organisation_summary(organisation) -> dict:
    return {
        **_base(organisation),
        "country": organisation.country,
        "region": organisation.region,
        "city": organisation.city,
        "organisation_type": organisation.organisation_type,
        "website": organisation.website,
        "school_label": held_school_years(organisation),
        "school_label_until": last_day_held(organisation),
    }


def posting_summary(posting) -> dict:
    return {
        **_base(posting),
        "description": posting.description,
        "partnership_type": posting.partnership_type,
        "looking_for": posting.looking_for,
        "country": posting.country,
        "organisation": _organisation(posting),
        "languages": list(posting.languages or []),
        "subjects": list(posting.subjects or []),
        "vocational_subjects": list(posting.vocational_subjects or []),
        "topics": list(posting.topics or []),
        "age_from": posting.age_from,
        "age_to": posting.age_to,
        "expires": _date(IExpiry(posting).expires),
        "created": _created(posting),
    }


def project_summary(space) -> dict:
    countries = list(space.countries or ())
    return {
        **_base(space),
        "description": space.description,
        "countries": countries,
        "kind": project_kind(countries),
        "languages": list(space.languages or []),
        "subjects": list(space.subjects or []),
        "age_from": space.age_from,
        "age_to": space.age_to,
        "erasmus": erasmus.callable(space),
        "labels": awarded_levels(space),
        "prizes": prize_index.callable(space),
        "created": _created(space),
    }


WITH_STATE = ("PartnerPosting", "TwinSpace")
SUMMARIES = {
    "TeacherProfile": profile_summary,
    "Organisation": organisation_summary,
    "PartnerPosting": posting_summary,
    "TwinSpace": project_summary,
}


def summary_of(obj) -> dict | None:
    make = SUMMARIES.get(getattr(obj, "portal_type", None))
    return make(obj) if make is not None else None


class PathURLs:
    """URLs of physical paths as ``request.physicalPathToURL`` makes them (virtual hosting
    included), each parent's made once: a page of 25 items has one or two parents."""

    def __init__(self, request):
        self.request, self.parents = request, {}
        self.root_depth = len(request.other.get("VirtualRootPhysicalPath", ("",)))

    def __call__(self, path: str) -> str:
        if path.count("/") < self.root_depth:  # the virtual root or above it
            return self.request.physicalPathToURL(path)
        parent, _, name = path.rpartition("/")
        base = self.parents.get(parent)
        if base is None:
            base = self.parents[parent] = self.request.physicalPathToURL(parent)
        return f"{base}/{quote(name)}"


def item_of(brain, request, urls: PathURLs | None = None) -> dict:
    """A search item from its brain: the kept summary, URLs as the request makes them, the state."""
    urls = urls or PathURLs(request)
    summary = dict(brain.twinning_summary or {})
    organisation = summary.get("organisation")
    if organisation:
        summary["organisation"] = {
            "@id": urls(organisation["path"]),
            "UID": organisation["UID"],
            "title": organisation["title"],
        }
    item = {"@id": urls(brain.getPath()), **summary}
    if brain.portal_type in WITH_STATE:  # their state tells a searcher something
        item["review_state"] = brain.review_state
    return item
