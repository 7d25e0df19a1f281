"""The permission tables of the project lifecycle (state × role × action).

Roles of the tables:
  founder         creator of the project (TwinSpaceAdmin by being a founder)
  admin           a teacher promoted to TwinSpaceAdmin
  teacher         TwinSpaceTeacher
  pupiladmin      TwinSpacePupilAdmin
  pupil           TwinSpacePupil (a pupil account)
  observer        TwinSpaceObserver
  member          an authenticated user who is not in the space
  anonymous
  validator       national validator of the project's country (validators-ES)
  other_validator national validator of another country (validators-FR)
  manager         site Manager
"""

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
    "manager",
)
STATES = ("draft", "pending", "validated", "running", "concluded", "labelled", "archived")
EVERYONE = frozenset(ROLES)
SPACE_MEMBERS = frozenset({"founder", "admin", "teacher", "pupiladmin", "pupil", "observer"})


def table(**by_state):
    """Expand {state: roles} (with 'others' for the remaining states) to every state."""
    others = by_state.pop("others", frozenset({"manager"}))
    return {state: frozenset(by_state.get(state, others)) for state in STATES}


# action -> state -> roles allowed
EXPECTED = {
    "view_space": table(
        draft={"founder", "admin", "validator", "manager"},
        pending={"founder", "admin", "validator", "manager"},
        others=EVERYONE,
    ),
    "modify_space": table(
        draft={"founder", "admin", "manager"},
        validated={"founder", "admin", "manager"},
        running={"founder", "admin", "manager"},
    ),
    "add_page": table(
        validated={"founder", "admin", "teacher", "manager"},
        running={"founder", "admin", "teacher", "pupiladmin", "manager"},
    ),
    "add_material": table(
        validated={"founder", "admin", "teacher", "manager"},
        running=SPACE_MEMBERS | {"manager"},
    ),
    # A private page of the founder's.
    "view_private_page": table(others=SPACE_MEMBERS | {"manager"}),
    "edit_others_page": table(
        draft={"founder", "admin", "manager"},
        validated={"founder", "admin", "manager"},
        running={"founder", "admin", "manager"},
    ),
    "delete_others_page": table(
        draft={"founder", "manager"},
        validated={"founder", "admin", "manager"},
        running={"founder", "admin", "manager"},
    ),
    # A material owned by the acting member themself.
    "edit_own_material": table(
        draft={"founder", "admin", "manager"},
        validated=SPACE_MEMBERS | {"manager"},
        running=SPACE_MEMBERS | {"manager"},
    ),
    "publish_page": table(
        validated={"founder", "admin", "manager"},
        running={"founder", "admin", "manager"},
        concluded={"founder", "admin", "manager"},
        labelled={"founder", "admin", "manager"},
    ),
    "manage_members": table(
        archived={"manager"},
        others={"founder", "admin", "manager"},
    ),
    "manage_pupils": table(
        validated={"founder", "admin", "teacher", "manager"},
        running={"founder", "admin", "teacher", "manager"},
        concluded={"founder", "admin", "teacher", "manager"},
        labelled={"founder", "admin", "teacher", "manager"},
    ),
    "view_members": table(others=SPACE_MEMBERS | {"manager"}),
    "view_validation": table(others={"founder", "admin", "validator", "manager"}),
}

# (transition, the state it leaves, roles that may fire it)
TRANSITIONS = (
    ("submit", "draft", {"founder", "manager"}),
    ("retract", "pending", {"founder", "manager"}),
    ("validate", "pending", {"manager"}),
    ("reject", "pending", {"manager"}),
    ("start", "validated", {"founder", "admin", "manager"}),
    ("conclude", "running", {"founder", "admin", "manager"}),
    ("reopen", "concluded", {"founder", "admin", "manager"}),
    ("label", "running", {"validator", "manager"}),
    ("label", "concluded", {"validator", "manager"}),
    ("archive", "concluded", {"validator", "manager"}),
    ("archive", "labelled", {"validator", "manager"}),
)
