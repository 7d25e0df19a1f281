"""Permission tables of mobility_workflow and quality_label_workflow (state × role × action).

Both live in a running project (founder ES, partner founder IT) with the roles
of matrix.py, plus ``european``: a EuropeanValidator. The mobility was created
by the teacher; the application is a national one by the teacher (country ES),
so ``validator`` (validators-ES) decides it and ``other_validator`` (FR) does not.
"""

from tests.workflows.matrix import SPACE_MEMBERS


ROLES = (
    "founder",
    "admin",
    "teacher",
    "pupiladmin",
    "pupil",
    "observer",
    "member",
    "anonymous",
    "validator",
    "other_validator",
    "european",
    "manager",
)
MOBILITY_STATES = ("planned", "confirmed", "completed", "reported", "cancelled")
LABEL_STATES = ("draft", "submitted", "awarded", "rejected")

# The central support service (European validators) reads mobilities too: its statistics.
MOBILITY_READERS = SPACE_MEMBERS | {"validator", "european", "manager"}
MOBILITY_MANAGERS = frozenset({"founder", "admin", "teacher", "manager"})
SPACE_ADMINS = frozenset({"founder", "admin", "manager"})
MANAGER = frozenset({"manager"})

MOBILITY = {
    "view": dict.fromkeys(MOBILITY_STATES, MOBILITY_READERS),
    "modify": {
        "planned": MOBILITY_MANAGERS,
        "confirmed": MOBILITY_MANAGERS,
        "completed": MOBILITY_MANAGERS,
        "reported": MANAGER,
        "cancelled": MANAGER,
    },
    "delete": {
        "planned": SPACE_ADMINS,
        "confirmed": MANAGER,
        "completed": MANAGER,
        "reported": MANAGER,
        "cancelled": SPACE_ADMINS,
    },
}

# (transition, the state it leaves, roles that may fire it)
MOBILITY_TRANSITIONS = (
    ("confirm", "planned", MOBILITY_MANAGERS),
    ("cancel", "planned", MOBILITY_MANAGERS),
    ("complete", "confirmed", MOBILITY_MANAGERS),
    ("cancel", "confirmed", MOBILITY_MANAGERS),
    ("report", "completed", MOBILITY_MANAGERS),  # with a report written
)

APPLICATION_READERS = frozenset({"founder", "admin", "teacher", "manager"})
DECIDERS = frozenset({"validator", "european", "manager"})

LABEL = {
    "view": {
        "draft": APPLICATION_READERS,
        "submitted": APPLICATION_READERS | DECIDERS,
        "awarded": frozenset(ROLES),
        "rejected": APPLICATION_READERS | DECIDERS,
    },
    # The applicant owns the application; the project's creator owns the whole
    # space (Owner is inherited), so may edit a draft too.
    "modify": {
        "draft": frozenset({"teacher", "founder", "manager"}),
        "submitted": MANAGER,
        "awarded": MANAGER,
        "rejected": MANAGER,
    },
    "evaluate": {"draft": MANAGER, "submitted": DECIDERS, "awarded": MANAGER, "rejected": MANAGER},
    "view_evaluation": {
        "draft": MANAGER,
        "submitted": DECIDERS,
        "awarded": DECIDERS | {"teacher", "founder"},
        "rejected": DECIDERS | {"teacher", "founder"},
    },
}

# (transition, level, state it leaves, roles that may fire it) — award and reject
# once the application is scored (every criterion 5 or more).
LABEL_TRANSITIONS = (
    ("submit", "national", "draft", frozenset({"teacher"})),
    ("award", "national", "submitted", frozenset({"validator", "manager"})),
    ("reject", "national", "submitted", frozenset({"validator", "manager"})),
    ("award", "european", "submitted", frozenset({"european", "manager"})),
    ("reject", "european", "submitted", frozenset({"european", "manager"})),
)
