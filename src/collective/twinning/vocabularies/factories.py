"""The named vocabulary utilities registered in configure.zcml."""

from collective.twinning.vocabularies import countries
from collective.twinning.vocabularies import directory
from collective.twinning.vocabularies import education
from collective.twinning.vocabularies import erasmus
from collective.twinning.vocabularies import languages
from collective.twinning.vocabularies import licences
from collective.twinning.vocabularies.base import vocabulary_factory


CountriesVocabulary = vocabulary_factory(countries.COUNTRIES)
LanguagesVocabulary = vocabulary_factory(languages.LANGUAGES)
SubjectsVocabulary = vocabulary_factory(education.SUBJECTS)
VocationalSubjectsVocabulary = vocabulary_factory(education.VOCATIONAL_SUBJECTS)
TopicsVocabulary = vocabulary_factory(education.TOPICS)
KeyActionsVocabulary = vocabulary_factory(erasmus.KEY_ACTIONS)
ActivityTypesVocabulary = vocabulary_factory(erasmus.ACTIVITY_TYPES)
MobilityDirectionsVocabulary = vocabulary_factory(erasmus.MOBILITY_DIRECTIONS)
PartnershipTypesVocabulary = vocabulary_factory(erasmus.PARTNERSHIP_TYPES)
LookingForVocabulary = vocabulary_factory(erasmus.LOOKING_FOR)
GroupAccessVocabulary = vocabulary_factory(erasmus.GROUP_ACCESS)
LabelLevelsVocabulary = vocabulary_factory(erasmus.LABEL_LEVELS)
LicencesVocabulary = vocabulary_factory(licences.LICENCES)
MemberTypesVocabulary = vocabulary_factory(directory.MEMBER_TYPES)
OrganisationTypesVocabulary = vocabulary_factory(directory.ORGANISATION_TYPES)
