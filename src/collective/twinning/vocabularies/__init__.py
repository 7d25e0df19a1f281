"""Named vocabularies: countries, languages, subjects and the Erasmus+ terms."""
