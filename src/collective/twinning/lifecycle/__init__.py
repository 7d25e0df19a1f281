"""The project lifecycle: countries, the validation checklist, notifications."""
