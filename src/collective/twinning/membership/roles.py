"""The local roles of a TwinSpace and who may receive them."""

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
