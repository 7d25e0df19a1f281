"""Ids of posts and polls, which have no title field: from the start of their text or question."""

from plone.app.content.interfaces import INameFromTitle
from zope.interface import implementer


@implementer(INameFromTitle)
class NameFromText:
    def __init__(self, context):
        self.context = context

    @property
    def title(self) -> str:
        words = (self.context.Title() or self.context.portal_type).split()
        return " ".join(words[:8])
