"""Comments as people outside a place may see them: a pupil author by first name only (privacy.py).

The REST serializer and the Classic UI's comment viewlet show the name through the
viewer's rule; the catalog, which answers anyone who may view the comment, holds
the first name of a pupil author in ``Title`` and ``author_name``.
"""

from collective.twinning.collaboration.privacy import catalogued_author_name
from collective.twinning.collaboration.privacy import comment_author_name
from collective.twinning.interfaces import IBrowserLayer
from plone.app.discussion.browser.comments import CommentsViewlet
from plone.app.discussion.comment import COMMENT_TITLE
from plone.app.discussion.interfaces import IComment
from plone.base.interfaces import IPloneCatalogTool
from plone.base.utils import safe_text
from plone.indexer import indexer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.discussion import CommentSerializer
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(IComment, IBrowserLayer)
class PrivateCommentSerializer(CommentSerializer):
    """plone.restapi's comment, its author named as the viewer may see them."""

    def __call__(self, include_items=True):
        result = super().__call__(include_items=include_items)
        result["author_name"] = comment_author_name(self.context)
        return result


class PrivateCommentsViewlet(CommentsViewlet):
    """plone.app.discussion's comments viewlet; with the add-on's layer, names through the viewer's rule."""

    def get_author_name(self, comment):
        if not IBrowserLayer.providedBy(self.request):
            return super().get_author_name(comment)
        return comment_author_name(comment)


@indexer(IComment, IPloneCatalogTool)
def author_name(comment):
    return catalogued_author_name(comment)


@indexer(IComment, IPloneCatalogTool)
def title(comment):
    """plone.app.discussion's "<author> on <content>", with the name the catalog may hold."""
    if comment.title:
        return comment.title
    content = comment.__parent__.__parent__
    mapping = {
        "author_name": safe_text(catalogued_author_name(comment)),
        "content": safe_text(content.Title()),
    }
    return translate(Message(COMMENT_TITLE, mapping=mapping), context=getRequest())
