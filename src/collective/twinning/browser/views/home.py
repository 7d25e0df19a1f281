"""The portal's front page (``@@twinning-home`` on the site root; the demo's default view).

What the portal is, a search box for each of the four searches, the newest public
projects and the labelled ones, a few counts; for a logged-in user the way to My space
(and for validators to the dashboard). Every number and list is a restricted catalog
search: each visitor counts what they may see.
"""

from collective.twinning import _
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.labels.awarded import LEVELS
from collective.twinning.search.specs import PROJECT_STATES
from plone import api


NEWEST = 5
SEARCHES = (
    # id, page, label of the box, placeholder, permission on the site
    ("projects", "@@project-search-page", _("Find projects"), _("Subject, theme, school…"), "View"),
    ("partners", "@@partner-search-page", _("Find partners"), _("Country, language, topic…"), "View"),
    (
        "people",
        "@@people-search-page",
        _("Find teachers"),
        _("Name, subject, language…"),
        "collective.twinning: Search people",
    ),
    (
        "schools",
        "@@organisation-search-page",
        _("Find schools and organisations"),
        _("Name, city, region…"),
        "View",
    ),
)


def public_projects(limit: int = NEWEST, **query) -> list:
    """The newest projects the visitor may see among the public states (the project search's)."""
    return api.content.find(
        portal_type="TwinSpace",
        review_state=list(PROJECT_STATES),
        sort_on="created",
        sort_order="descending",
        sort_limit=limit,
        **query,
    )[:limit]


def count(**query) -> int:
    return len(api.content.find(**query))


class FrontPage(TwinningView):
    """The front page of the portal."""

    def searches(self) -> list[dict]:
        portal = api.portal.get()
        return [
            {
                "id": search_id,
                "url": f"{portal.absolute_url()}/{page}",
                "label": self.translate(label),
                "placeholder": self.translate(placeholder),
            }
            for search_id, page, label, placeholder, permission in SEARCHES
            if self.may(permission, portal)
        ]

    def _projects(self, brains) -> list[dict]:
        items = []
        for brain in brains:
            summary = brain.twinning_summary or {}
            countries = summary.get("countries") or []
            items.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "countries": ", ".join(self.country_title(code) for code in countries),
                    "flags": " ".join(self.flag(code) for code in countries),
                    "labels": [
                        self.term_title("collective.twinning.vocabularies.LabelLevels", level)
                        for level in summary.get("labels") or []
                    ],
                }
            )
        return items

    def newest(self) -> list[dict]:
        return self._projects(public_projects())

    def labelled(self) -> list[dict]:
        return self._projects(public_projects(quality_labels=list(LEVELS)))

    def counts(self) -> list[dict]:
        rows = (
            (
                "count-projects",
                _("projects"),
                {"portal_type": "TwinSpace", "review_state": list(PROJECT_STATES)},
            ),
            (
                "count-postings",
                _("partner postings"),
                {"portal_type": "PartnerPosting", "review_state": "published"},
            ),
            ("count-schools", _("schools and organisations"), {"portal_type": "Organisation"}),
            ("count-groups", _("groups"), {"portal_type": "Group", "review_state": "active"}),
        )
        return [
            {"id": row_id, "title": self.translate(title), "value": count(**query)}
            for row_id, title, query in rows
        ]

    def personal_links(self) -> list[dict]:
        """My space for anyone logged in, the dashboard for those who validate."""
        if self.userid is None:
            return []
        portal = api.portal.get()
        links = [
            {
                "id": "home-my-space",
                "url": f"{portal.absolute_url()}/@@my-space",
                "title": self.translate(_("My space")),
            }
        ]
        if self.may("collective.twinning: View statistics", portal):
            links.append(
                {
                    "id": "home-dashboard",
                    "url": f"{portal.absolute_url()}/@@twinning-dashboard",
                    "title": self.translate(_("Validator dashboard")),
                }
            )
        return links

    def login_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/login"

    def register_url(self) -> str | None:
        if not api.portal.get_registry_record("plone.enable_self_reg", default=False):
            return None
        return f"{api.portal.get().absolute_url()}/@@register"
