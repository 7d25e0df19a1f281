"""The local roles of a TwinSpace and of a Group, and who may receive them."""

TWINSPACE_ADMIN = "TwinSpaceAdmin"
TWINSPACE_TEACHER = "TwinSpaceTeacher"
TWINSPACE_PUPIL_ADMIN = "TwinSpacePupilAdmin"
TWINSPACE_PUPIL = "TwinSpacePupil"
TWINSPACE_OBSERVER = "TwinSpaceObserver"

LOCAL_ROLES = (
    TWINSPACE_ADMIN,
    TWINSPACE_TEACHER,
    TWINSPACE_PUPIL_ADMIN,
    TWINSPACE_PUPIL,
    TWINSPACE_OBSERVER,
)

# Roles only validated teachers (global role Teacher) may hold in a space.
TEACHER_ROLES = frozenset({TWINSPACE_ADMIN, TWINSPACE_TEACHER, TWINSPACE_PUPIL_ADMIN})

TEACHER = "Teacher"
# Pupil accounts hold this global role instead of Member (see rolemap.xml).
PUPIL_ROLE = "Pupil"
NATIONAL_VALIDATOR = "NationalValidator"
EUROPEAN_VALIDATOR = "EuropeanValidator"

# Local role given to the validators of a project's countries.
COUNTRY_VALIDATOR_LOCAL_ROLE = "Reviewer"

# Local roles inside a Group, given by its roster.
GROUP_ADMIN = "GroupAdmin"
GROUP_MEMBER = "GroupMember"
GROUP_ROLES = (GROUP_ADMIN, GROUP_MEMBER)

# Pupil accounts (made with @pupils) carry the UID of the space that made them.
PUPIL_PROPERTY = "pupil_of"


def is_pupil_account(user) -> bool:
    return bool(user.getProperty(PUPIL_PROPERTY, ""))
