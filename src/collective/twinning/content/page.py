"""Page: a page (or subpage) of a TwinSpace or a group.

Title, description and the rich text body come from the plone.basic and
plone.richtext behaviors (see the FTI).
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IPage(model.Schema):
    """A page of a space; it may hold subpages and material."""


@implementer(IPage)
class Page(Container):
    """A space page."""
