"""The channels the current user may post to here (the bulletin only for a space's teachers)."""

from collective.twinning import _
from collective.twinning.collaboration.places import channels_for
from collective.twinning.collaboration.places import place_of
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


TITLES = {"bulletin": _("Teachers' bulletin"), "wall": _("Wall")}


@provider(IVocabularyFactory)
def PostChannelsVocabulary(context):
    """Bound to the post (or its container when adding)."""
    user = api.user.get_current()
    channels = channels_for(place_of(context), user.getId() if user is not None else None) if context else ()
    return SimpleVocabulary([SimpleTerm(value, title=TITLES[value]) for value in channels or ("wall",)])
