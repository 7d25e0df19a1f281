"""The four searches of the directory."""

from collective.twinning.content.fields import COUNTRIES
from collective.twinning.content.fields import LANGUAGES
from collective.twinning.content.fields import SUBJECTS
from collective.twinning.content.fields import VOCATIONAL_SUBJECTS
from collective.twinning.labels.awarded import LEVELS
from collective.twinning.recognition.prizes import CATEGORY_IDS
from collective.twinning.search.engine import SearchSpec
from collective.twinning.search.filters import Filter
from collective.twinning.search.filters import Sorting


NAME = ("sortable_title", "ascending")
RECENT = ("created", "descending")
# The states in which a project is public (and found by project search).
PROJECT_STATES = ("validated", "running", "concluded", "labelled")


def _choice(param, index, vocabulary, facet=True):
    return Filter(param, index, vocabulary=vocabulary, facet=facet)


def _flag(param, index, facet=True):
    return Filter(param, index, kind="flag", facet=facet)


def _text():
    return Filter("q", "SearchableText", kind="text")


PEOPLE = SearchSpec(
    portal_type="TeacherProfile",
    filters=(
        _text(),
        _choice("country", "country", COUNTRIES),
        _choice("language", "languages", LANGUAGES),
        _choice("subject", "subjects", SUBJECTS),
        _choice("vocational_subject", "vocational_subjects", VOCATIONAL_SUBJECTS),
        _choice("member_type", "member_type", "collective.twinning.vocabularies.MemberTypes"),
        _flag("available", "available_for_projects"),
        _flag("ambassador", "ambassador"),
    ),
    sorting=Sorting({"name": NAME, "recent": RECENT}, default="name"),
    # Hidden profiles (no longer a teacher) are out of the directory, for administrators too.
    fixed={"review_state": "visible"},
)

ORGANISATIONS = SearchSpec(
    portal_type="Organisation",
    filters=(
        _text(),
        _choice("country", "country", COUNTRIES),
        Filter("region", "region", kind="free"),
        _choice(
            "organisation_type",
            "organisation_type",
            "collective.twinning.vocabularies.OrganisationTypes",
        ),
        # School years in which the school holds the eTwinning School label (recognition.school_label).
        _choice("school_label", "school_label", "collective.twinning.vocabularies.SchoolYears"),
    ),
    sorting=Sorting({"name": NAME}, default="name"),
)

POSTINGS = SearchSpec(
    portal_type="PartnerPosting",
    filters=(
        _text(),
        _choice(
            "partnership_type",
            "partnership_type",
            "collective.twinning.vocabularies.PartnershipTypes",
        ),
        _choice("looking_for", "looking_for", "collective.twinning.vocabularies.LookingFor"),
        _choice("country", "country", COUNTRIES),
        Filter("organisation", "organisation_uid", kind="uid", portal_type="Organisation"),
        _choice("language", "languages", LANGUAGES),
        _choice("subject", "subjects", SUBJECTS),
        _choice("vocational_subject", "vocational_subjects", VOCATIONAL_SUBJECTS),
        _choice("topic", "topics", "collective.twinning.vocabularies.Topics"),
    ),
    sorting=Sorting({"recent": RECENT}, default="recent"),
    fixed={"review_state": "published"},
    ages=True,
    # Expired postings are hidden, for administrators too, unless asked for.
    options={"include_expired": ("show_inactive", True)},
    default_options={"show_inactive": False},
)

PROJECTS = SearchSpec(
    portal_type="TwinSpace",
    filters=(
        _text(),
        _choice("subject", "subjects", SUBJECTS),
        _choice("language", "languages", LANGUAGES),
        _choice("country", "country", COUNTRIES),
        Filter("state", "review_state", values=PROJECT_STATES, facet=True),
        Filter("kind", "project_kind", values=("european", "national"), facet=True),
        Filter("registered_since", "created", kind="since"),
        _flag("erasmus", "erasmus"),
        # Quality Labels awarded to the project (labels.awarded keeps the index current).
        Filter("label", "quality_labels", values=LEVELS, facet=True),
        # European Prizes won, by category (recognition.prizes keeps the index current).
        Filter("prize", "prize", values=CATEGORY_IDS, facet=True),
    ),
    sorting=Sorting({"recent": RECENT, "title": NAME}, default="recent"),
    fixed={"review_state": {"query": list(PROJECT_STATES)}},
    ages=True,
)
