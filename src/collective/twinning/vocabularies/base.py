"""Build fixed vocabularies from (token, title) pairs."""

from collections.abc import Iterable
from zope.i18nmessageid import Message
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def fixed_vocabulary(pairs: Iterable[tuple[str, Message]]) -> SimpleVocabulary:
    """A vocabulary whose values and tokens are the codes and whose titles are msgids."""
    return SimpleVocabulary([SimpleTerm(value=code, token=code, title=title) for code, title in pairs])


def vocabulary_factory(pairs: Iterable[tuple[str, Message]]):
    """A named-utility factory for a fixed vocabulary (built once, shared)."""
    vocabulary = fixed_vocabulary(pairs)

    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary

    return factory
