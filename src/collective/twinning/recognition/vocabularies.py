"""Vocabularies of recognition: prize categories and the school years a School label covers."""

from collective.twinning.recognition.prizes import CATEGORIES
from collective.twinning.recognition.school_label import school_years_vocabulary_values
from collective.twinning.vocabularies.base import vocabulary_factory
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleVocabulary


PrizeCategoriesVocabulary = vocabulary_factory(CATEGORIES)


@provider(IVocabularyFactory)
def SchoolYearsVocabulary(context=None):
    return SimpleVocabulary.fromValues(school_years_vocabulary_values())
