"""The validation checklist of a project (``@validation``).

A project needs the partner founder's acceptance and one national approval per
country of its founders. Decisions live in an OOBTree on the space; when every
required approval is in, the project moves to ``validated`` by itself; a
rejection sends it back to ``draft`` and clears the decisions.
"""

from collective.twinning import _
from collective.twinning import audit
from collective.twinning.errors import FieldError
from collective.twinning.errors import Forbidden
from collective.twinning.lifecycle.countries import project_kind
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.membership.roster import founders
from collective.twinning.security import as_system
from collective.twinning.storage import annotation_btree
from datetime import datetime
from datetime import UTC
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


ANNOTATION_KEY = "collective.twinning.validation"
DECISIONS = ("approve", "reject")


def _decisions(space, create: bool = False):
    return annotation_btree(space, ANNOTATION_KEY, create)


def clear_decisions(space) -> None:
    """Forget every decision (a rejection, or the founders taking the project back)."""
    annotations = IAnnotations(space)
    if ANNOTATION_KEY in annotations:
        annotations[ANNOTATION_KEY].clear()


def required_slots(space) -> list[tuple[str, dict]]:
    """(key, description) of every approval the project needs."""
    slots = []
    people = founders(space)
    if len(people) > 1:
        slots.append((f"partner:{people[1]}", {"kind": "partner", "user": people[1]}))
    for country in getattr(space, "countries", ()):
        slots.append((f"national:{country}", {"kind": "national", "country": country}))
    return slots


def checklist(space) -> dict:
    decisions = _decisions(space)
    required = []
    for key, slot in required_slots(space):
        decision = decisions.get(key, {})
        required.append(
            {
                **slot,
                "decision": decision.get("decision"),
                "by": decision.get("by"),
                "date": decision.get("date"),
                "comment": decision.get("comment"),
            }
        )
    complete = bool(required) and all(item["decision"] == "approve" for item in required)
    return {
        "state": api.content.get_state(obj=space),
        "kind": project_kind(getattr(space, "countries", ())),
        "required": required,
        "complete": complete,
    }


def slot_for(space, userid: str) -> str:
    """The checklist entry ``userid`` decides, or Forbidden."""
    for key, slot in required_slots(space):
        if slot["kind"] == "partner" and slot["user"] == userid:
            return key
    countries = validator_countries(userid)
    for key, slot in required_slots(space):
        if slot["kind"] == "national" and slot["country"] in countries:
            return key
    raise Forbidden(_("Only the partner founder or a national validator of the project's countries decides."))


def decide(space, userid: str, decision, comment) -> dict:
    """Record a decision and move the project when it completes or is rejected."""
    key = slot_for(space, userid)
    state = api.content.get_state(obj=space)
    if state != "pending":
        raise FieldError("state", _("Decisions are taken while the project is pending."))
    if decision not in DECISIONS:
        raise FieldError("decision", _("Choose a decision."))
    if comment is not None and not isinstance(comment, str):
        raise FieldError("comment", _("${name}: give a string.", mapping={"name": "comment"}))
    comment = (comment or "").strip()
    if decision == "reject" and not comment:
        raise FieldError("comment", _("Say why you reject it: the teachers read this."))

    # Decisions of other slots merge in the OOBTree without a conflict, so two
    # approvals taken at once could each see the other missing and neither
    # validate (write skew). Writing the space itself makes them conflict: the
    # retried one sees the other's approval (or the transition done).
    space._p_changed = True
    audit.record(space, f"validation_{decision}", key, comment)
    if decision == "reject":
        clear_decisions(space)
        _fire(space, userid, "reject", f"Rejected by {userid}: {comment}")
        return checklist(space)

    _decisions(space, create=True)[key] = PersistentMapping(
        decision=decision,
        by=userid,
        date=datetime.now(UTC).isoformat(timespec="seconds"),
        comment=comment,
    )
    if checklist(space)["complete"]:
        _fire(space, userid, "validate", "Every required approval is in.")
    return checklist(space)


def _fire(space, userid: str, transition: str, comment: str) -> None:
    """System transitions (guarded to Manager): the decider triggers them, not holds them."""
    with as_system(userid):
        api.content.transition(obj=space, transition=transition, comment=comment)
