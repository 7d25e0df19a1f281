"""Field constraints and invariants shared by the content schemas.

Every error message names the field(s) concerned: plone.restapi returns the
message in its 400 response, and clients rely on it to point at the field.
"""

from collective.twinning import _
from z3c.form.validator import NoInputData
from zope.interface import Invalid
from zope.schema import ValidationError

import re


ERASMUS_REFERENCE = re.compile(r"^20\d{2}-[1-3]-[A-Z]{2}\d{2}-KA\d{3}-[A-Z]{3}-\d{9}$")
SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


class InvalidErasmusReference(ValidationError):
    __doc__ = _("erasmus_project_reference must look like 2025-1-ES01-KA122-SCH-000123456.")


class InvalidSchoolYear(ValidationError):
    __doc__ = _("school_year must be two consecutive years, like 2026-2027.")


class CopyrightNotConfirmed(ValidationError):
    __doc__ = _("copyright_confirmed must be true: confirm that you may publish this material.")


class NotATeacher(ValidationError):
    __doc__ = _("cofounder must be the user id of a validated teacher (role Teacher).")


def is_teacher(value: str) -> bool:
    """The partner founder must be an existing, validated teacher."""
    from plone import api  # the content schemas load before a site exists

    user = api.user.get(userid=value)
    if user is None or "Teacher" not in api.user.get_roles(user=user):
        raise NotATeacher(value)
    return True


def is_erasmus_reference(value: str) -> bool:
    if not ERASMUS_REFERENCE.match(value):
        raise InvalidErasmusReference(value)
    return True


def is_school_year(value: str) -> bool:
    match = SCHOOL_YEAR.match(value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise InvalidSchoolYear(value)
    return True


def is_true(value: bool) -> bool:
    if value is not True:
        raise CopyrightNotConfirmed(value)
    return True


def field_value(data, name: str):
    """The value of ``name`` in invariant data, falling back to None when absent.

    z3c.form hands invariants a ``Data`` object that reads missing fields from
    the context and raises ``NoInputData`` when there is none (add forms).
    """
    try:
        return getattr(data, name, None)
    except NoInputData:
        return None


def check_order(data, low: str, high: str) -> None:
    """Raise ``Invalid`` when both values are set and ``low`` is after ``high``."""
    low_value = field_value(data, low)
    high_value = field_value(data, high)
    if low_value is not None and high_value is not None and low_value > high_value:
        raise Invalid(
            _(
                "${low} must not be greater than ${high}.",
                mapping={"low": low, "high": high},
            )
        )


def check_exactly_one(data, names: tuple[str, ...]) -> None:
    """Raise ``Invalid`` unless exactly one of the fields ``names`` has a value."""
    given = [name for name in names if field_value(data, name)]
    if not given:
        raise Invalid(_("Give one of ${fields}.", mapping={"fields": ", ".join(names)}))
    if len(given) > 1:
        raise Invalid(
            _(
                "Give only one of ${fields} (given: ${given}).",
                mapping={"fields": ", ".join(names), "given": ", ".join(given)},
            )
        )
