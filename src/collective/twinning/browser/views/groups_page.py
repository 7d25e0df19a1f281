"""``@@group-search-page``: the active groups the visitor may see, by name or topic."""

from collective.twinning import _
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.browser.views.batching import page_links
from collective.twinning.browser.views.search import clean_form
from plone import api


BATCH = 25


def find_groups(text: str | None, b_start: int, b_size: int = BATCH):
    """Active groups (restricted catalog search), by title when no text is given."""
    query = {"portal_type": "Group", "review_state": "active", "sort_on": "sortable_title"}
    if text:
        query["SearchableText"] = text
    return api.content.find(**query)


class GroupSearchPage(TwinningView):
    """Groups of teachers: a text box, the list, page numbers."""

    def __call__(self):
        clean_form(self.request.form)
        try:
            self.b_start = max(0, int(self.request.form.get("b_start", 0)))
        except (TypeError, ValueError):
            self.b_start = 0
        self.brains = find_groups(self.value("q").strip() or None, self.b_start)
        return self.index()

    def page_title(self) -> str:
        return self.translate(_("Find groups"))

    def total(self) -> int:
        return len(self.brains)

    def results(self) -> list[dict]:
        items = []
        for brain in self.brains[self.b_start : self.b_start + BATCH]:
            group = brain.getObject()
            items.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "access": self.term_title("collective.twinning.vocabularies.GroupAccess", group.access),
                    "languages": ", ".join(
                        self.term_title("collective.twinning.vocabularies.Languages", code)
                        for code in group.languages or ()
                    ),
                }
            )
        return items

    def batching(self) -> dict:
        return page_links(self.request["ACTUAL_URL"], self.request.form, self.total(), self.b_start, BATCH)

    def may_create(self) -> str | None:
        folder = api.portal.get().get("groups")
        if folder is not None and self.may("collective.twinning: Add Group", folder):
            return f"{folder.absolute_url()}/++add++Group"
        return None
