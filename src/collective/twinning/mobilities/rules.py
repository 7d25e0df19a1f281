"""The Erasmus+ rules a mobility must follow, callable without HTTP.

``mobility_problems(values, space)`` returns one message per broken rule; each
message starts with ``Rule '<name>'`` so a client (and a test) knows which rule
was broken. The schema invariant of ``IMobility`` raises them all at once, so
plone.restapi answers 400 and nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ActivityRule:
    """Duration (days, both ends included) and participants of one activity type."""

    min_days: int
    max_days: int
    min_staff: int = 0
    max_pupils: int | None = None
    min_pupils: int = 0
    min_accompanying: int = 0
    learning_agreement: bool = False


RULES: dict[str, ActivityRule] = {
    "job_shadowing": ActivityRule(2, 60, min_staff=1, max_pupils=0),
    "teaching_assignment": ActivityRule(2, 365, min_staff=1, max_pupils=0),
    "course": ActivityRule(2, 30, min_staff=1, max_pupils=0),
    "group_pupil_mobility": ActivityRule(2, 30, min_pupils=2, min_accompanying=1),
    "short_term_pupil_mobility": ActivityRule(10, 29, min_pupils=1),
    "long_term_pupil_mobility": ActivityRule(30, 365, min_pupils=1, learning_agreement=True),
    "preparatory_visit": ActivityRule(1, 30, min_staff=1),
    "invited_expert": ActivityRule(1, 30, min_staff=1),
}

# Rule names, as they appear in the messages.
RULE_NAMES = (
    "days",
    "participants_staff",
    "participants_pupils",
    "accompanying_persons",
    "learning_agreement",
    "key_action",
    "host_country",
    "preparation_pages",
)


def days_of(start: date | None, end: date | None) -> int | None:
    """Length of a mobility in days, both ends included (end − start + 1)."""
    if start is None or end is None:
        return None
    return (end - start).days + 1


def _int(value) -> int:
    return value if isinstance(value, int) else 0


def _problem(rule: str, text: str) -> str:
    return f"Rule '{rule}': {text}"


def activity_problems(values: Mapping) -> list[str]:
    """Duration and participants against the activity type's row of the table."""
    activity = values.get("activity_type")
    rule = RULES.get(activity)
    if rule is None:
        return []  # unknown or missing: the field's own validation says so
    problems = []
    days = days_of(values.get("start"), values.get("end"))
    if days is not None and not rule.min_days <= days <= rule.max_days:
        problems.append(
            _problem(
                "days",
                f"a {activity} lasts {rule.min_days}–{rule.max_days} days "
                f"(end − start + 1); start to end is {days}.",
            )
        )
    staff = _int(values.get("participants_staff"))
    pupils = _int(values.get("participants_pupils"))
    accompanying = _int(values.get("accompanying_persons"))
    if staff < rule.min_staff:
        problems.append(
            _problem(
                "participants_staff",
                f"a {activity} needs at least {rule.min_staff} staff participant(s); "
                f"participants_staff is {staff}.",
            )
        )
    if rule.max_pupils is not None and pupils > rule.max_pupils:
        problems.append(
            _problem(
                "participants_pupils",
                f"a {activity} is for staff only; participants_pupils must be "
                f"{rule.max_pupils}, not {pupils}.",
            )
        )
    if pupils < rule.min_pupils:
        problems.append(
            _problem(
                "participants_pupils",
                f"a {activity} needs at least {rule.min_pupils} pupil(s); participants_pupils is {pupils}.",
            )
        )
    if accompanying < rule.min_accompanying:
        problems.append(
            _problem(
                "accompanying_persons",
                f"a {activity} needs at least {rule.min_accompanying} accompanying "
                f"person(s); accompanying_persons is {accompanying}.",
            )
        )
    if rule.learning_agreement and not values.get("learning_agreement"):
        problems.append(
            _problem(
                "learning_agreement",
                f"a {activity} needs the learning agreement file (learning_agreement).",
            )
        )
    return problems


def space_problems(values: Mapping, space) -> list[str]:
    """The rules that depend on the TwinSpace: its key action and its pages."""
    problems = []
    expected = getattr(space, "erasmus_key_action", None) if space is not None else None
    key_action = values.get("key_action")
    if expected and key_action and key_action != expected:
        problems.append(
            _problem(
                "key_action",
                f"the project is an Erasmus+ {expected} project; key_action {key_action} does not agree.",
            )
        )
    if space is not None:
        space_path = space.getPhysicalPath()
        for page in values.get("preparation_pages") or ():
            page = getattr(page, "to_object", page)
            path = page.getPhysicalPath() if page is not None else ()
            if (
                page is None
                or getattr(page, "portal_type", None) != "Page"
                or path[: len(space_path)] != space_path
            ):
                problems.append(
                    _problem(
                        "preparation_pages",
                        "preparation pages must be Pages of this TwinSpace.",
                    )
                )
                break
    return problems


def country_problems(values: Mapping) -> list[str]:
    host, sending = values.get("host_country"), values.get("sending_country")
    if values.get("direction", "outgoing") == "outgoing" and host and sending and host == sending:
        return [
            _problem(
                "host_country",
                f"an outgoing mobility goes abroad; host_country {host} is the sending_country.",
            )
        ]
    return []


def mobility_problems(values: Mapping, space=None) -> list[str]:
    """Every rule the values break (an empty list: the mobility is valid)."""
    return [*activity_problems(values), *country_problems(values), *space_problems(values, space)]
