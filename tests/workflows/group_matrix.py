"""The permission tables of a Group (state × role × action).

Roles of the tables:
  creator         created the group: always its GroupAdmin
  admin           a teacher promoted to GroupAdmin
  member          a teacher who is a GroupMember
  teacher         a validated teacher outside the group
  user            an account outside the group that is not a validated teacher
  pupil           a pupil account
  anonymous
  validator       national validator of the creator's country (validators-ES)
  other_validator national validator of another country (validators-FR)
  eu_validator    EuropeanValidator
  manager         site Manager
"""

ROLES = (
    "creator",
    "admin",
    "member",
    "teacher",
    "user",
    "pupil",
    "anonymous",
    "validator",
    "other_validator",
    "eu_validator",
    "manager",
)
STATES = ("pending", "active", "archived")
EVERYONE = frozenset(ROLES)
AUTHENTICATED = EVERYONE - {"anonymous"}
MEMBERS = frozenset({"creator", "admin", "member"})
ADMINS = frozenset({"creator", "admin"})
APPROVERS = frozenset({"validator", "eu_validator", "manager"})


def table(**by_state):
    """Expand {state: roles} (with 'others' for the remaining states) to every state."""
    others = by_state.pop("others", frozenset({"manager"}))
    return {state: frozenset(by_state.get(state, others)) for state in STATES}


# action -> state -> roles allowed
EXPECTED = {
    # The group's summary: every field of the Group (title, objectives, access, ...).
    "view_group": table(
        pending=MEMBERS | APPROVERS,
        others=EVERYONE,
    ),
    "modify_group": table(pending=ADMINS | {"manager"}, active=ADMINS | {"manager"}),
    "add_page": table(active=MEMBERS | {"manager"}),
    "add_material": table(active=MEMBERS | {"manager"}),
    # A private page of the creator's.
    "view_private_page": table(others=MEMBERS | {"manager"}),
    # A public page (made public while the group was active).
    "view_public_page": table(others=EVERYONE),
    "edit_others_page": table(pending=ADMINS | {"manager"}, active=ADMINS | {"manager"}),
    # A material of the member's own (in a pending group only Manager adds any).
    "edit_own_material": table(pending=MEMBERS | {"manager"}, active=MEMBERS | {"manager"}),
    "publish_page": table(active=ADMINS | {"manager"}),
    # The permission to call @join; the access mode then decides (test_groups).
    # Nobody joins a pending or archived group, not even a Manager.
    "join": table(active=AUTHENTICATED, others=frozenset()),
    # @leave and @members (GET) are for members.
    "leave": table(others=MEMBERS | {"manager"}),
    "view_members": table(others=MEMBERS | {"manager"}),
    "manage_members": table(pending=ADMINS | {"manager"}, active=ADMINS | {"manager"}),
}

# (transition, the state it leaves, roles that may fire it)
TRANSITIONS = (
    ("approve", "pending", APPROVERS),
    ("archive", "active", ADMINS | APPROVERS),
)
