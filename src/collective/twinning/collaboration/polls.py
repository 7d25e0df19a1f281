"""Answers of a Poll: one per member, in an OOBTree of its annotations; results after answering."""

from BTrees.OOBTree import OOBTree
from collective.twinning import _
from collective.twinning.collaboration.places import place_of
from collective.twinning.collaboration.places import role_in
from collective.twinning.collaboration.places import TEACHER_ROLES
from collective.twinning.errors import FieldError
from zExceptions import Forbidden
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.twinning.poll_answers"


def _answers(poll, create: bool = False) -> OOBTree | None:
    annotations = IAnnotations(poll)
    if ANNOTATION_KEY not in annotations and create:
        annotations[ANNOTATION_KEY] = OOBTree()
    return annotations.get(ANNOTATION_KEY)


def answer_of(poll, userid: str | None) -> int | None:
    answers = _answers(poll)
    return None if answers is None or not userid else answers.get(userid)


def results(poll) -> list[dict]:
    counts = [0] * len(poll.options or ())
    for option in (_answers(poll) or {}).values():
        if 0 <= option < len(counts):
            counts[option] += 1
    return [{"option": text, "count": count} for text, count in zip(poll.options or (), counts, strict=True)]


def state(poll, userid: str | None) -> dict:
    """What ``userid`` sees: the options, their answer, and the results once they answered
    (the place's teachers and admins see the results at once)."""
    mine = answer_of(poll, userid)
    sees_results = mine is not None or role_in(place_of(poll), userid) in TEACHER_ROLES
    answers = _answers(poll)
    return {
        "question": poll.question,
        "options": list(poll.options or ()),
        "answer": mine,
        "answers_total": len(answers) if answers is not None else 0,
        "results": results(poll) if sees_results else None,
        "open": poll.accepts_answers(),
    }


def answer(poll, userid: str, option) -> dict:
    """Record the member's one answer (index of an option)."""
    if role_in(place_of(poll), userid) is None:
        raise Forbidden("Only the members of the place answer its polls.")
    if not poll.accepts_answers():
        raise Forbidden("The project or group is not open: its polls take no answers.")
    if isinstance(option, bool) or not isinstance(option, int) or not 0 <= option < len(poll.options or ()):
        raise FieldError(
            "option",
            _("Give the number of an option, from 0 to ${last}.", mapping={"last": len(poll.options) - 1}),
        )
    answers = _answers(poll, create=True)
    if userid in answers:
        raise FieldError("option", _("You have already answered this poll."))
    answers[userid] = option
    return state(poll, userid)


def all_answers(poll) -> dict[str, int]:
    """userid -> option of every answer (export)."""
    return dict((_answers(poll) or {}).items())


def restore_answers(poll, answers: dict[str, int]) -> None:
    """Answers of an archive (userid -> option), checked by the import (exportimport.collaboration)."""
    _answers(poll, create=True).update(answers)
