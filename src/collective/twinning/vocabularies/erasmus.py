"""Erasmus+ and eTwinning terms: key actions, activities, postings, groups, labels."""

from collective.twinning import _


KEY_ACTIONS = (
    ("KA120", _("KA120 - Accreditation in the field of school education")),
    ("KA121", _("KA121 - Accredited mobility projects")),
    ("KA122", _("KA122 - Short-term mobility projects")),
    ("KA210", _("KA210 - Small-scale partnerships")),
    ("KA220", _("KA220 - Cooperation partnerships")),
)

ACTIVITY_TYPES = (
    ("job_shadowing", _("Job shadowing")),
    ("teaching_assignment", _("Teaching assignment")),
    ("course", _("Course or training")),
    ("group_pupil_mobility", _("Group mobility of pupils")),
    ("short_term_pupil_mobility", _("Short-term learning mobility of pupils")),
    ("long_term_pupil_mobility", _("Long-term learning mobility of pupils")),
    ("preparatory_visit", _("Preparatory visit")),
    ("invited_expert", _("Invited expert")),
)

MOBILITY_DIRECTIONS = (
    ("outgoing", _("Outgoing")),
    ("incoming", _("Incoming")),
)

PARTNERSHIP_TYPES = (
    ("etwinning_project", _("eTwinning project")),
    ("ka1_job_shadowing", _("Erasmus+ KA1: job shadowing")),
    ("ka1_teaching_assignment", _("Erasmus+ KA1: teaching assignment")),
    ("ka1_hosting_pupils", _("Erasmus+ KA1: hosting pupils")),
    ("ka2_partnership", _("Erasmus+ KA2: partnership")),
)

LOOKING_FOR = (
    ("partner_school", _("A partner school")),
    ("host_school", _("A host school")),
    ("participants", _("Participants")),
    ("expert", _("An expert")),
)

GROUP_ACCESS = (
    ("open", _("Open to everybody")),
    ("etwinners", _("Open to validated teachers (eTwinners)")),
    ("invitation", _("By invitation only")),
)

LABEL_LEVELS = (
    ("national", _("National Quality Label")),
    ("european", _("European Quality Label")),
)
