"""Kinds of people and organisations in the directory."""

from collective.twinning import _


MEMBER_TYPES = (
    ("teacher", _("Teacher")),
    ("head_teacher", _("Head teacher")),
    ("librarian", _("Librarian")),
    ("trainee_teacher", _("Trainee teacher")),
    ("other", _("Other school staff")),
)

ORGANISATION_TYPES = (
    ("pre_primary", _("Pre-primary school")),
    ("primary", _("Primary school")),
    ("secondary", _("Secondary school")),
    ("vocational", _("Vocational school")),
    ("teacher_training", _("Teacher training institution")),
    ("other", _("Other organisation")),
)
