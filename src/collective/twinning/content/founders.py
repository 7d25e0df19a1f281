"""Who names a project's partner founder (``cofounder``), and when.

The founder who created the project names its partner, while the project is a draft; the
partner founder and promoted admins never do. From ``pending`` on the founders, and so the
countries whose services validated the project, are frozen: the founders retract the
project to draft (the validators then decide again) or ask an administrator, whose change
holds at once. Every door applies the rule: plone.restapi's PATCH
(services.content.guard), the edit form (ITwinSpace's invariant) and any writer that
announces its change (subscribers.twinspace.founders_changed, against the partner of record).
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from collective.twinning import _
from plone import api
from zope.i18nmessageid import Message


RECORD = "_cofounder_of_record"
_MISSING = object()
ADMINISTRATORS = frozenset({"Manager", "Site Administrator"})


def is_administrator(context) -> bool:
    """The acting user (system steps included) is a Manager or Site Administrator here."""
    roles = getSecurityManager().getUser().getRolesInContext(context)
    return bool(ADMINISTRATORS & set(roles))


def creator_of(space) -> str | None:
    creators = space.listCreators()
    return creators[0] if creators else None


def cofounder_of_record(space) -> str | None:
    """The partner founder as last accepted (the stored value for spaces without a record)."""
    record = getattr(aq_base(space), RECORD, _MISSING)
    return (space.cofounder or None) if record is _MISSING else record


def has_record(space) -> bool:
    return getattr(aq_base(space), RECORD, _MISSING) is not _MISSING


def record_cofounder(space) -> None:
    setattr(space, RECORD, space.cofounder or None)


def cofounder_change_problem(space) -> Message | None:
    """Why the acting user may not change the partner founder of ``space`` now; None if they may."""
    if is_administrator(space):
        return None
    if getSecurityManager().getUser().getId() != creator_of(space):
        return _("Only the founder who created the project (or an administrator) names its partner founder.")
    state = api.content.get_state(obj=space, default=None)
    if state in (None, "draft"):
        return None
    if state == "pending":
        return _(
            "The project is pending validation: retract it to draft to change its partner "
            "founder, and the validators decide again."
        )
    return _(
        "The project is ${state}: its founders were validated, so only an administrator "
        "changes its partner founder now.",
        mapping={"state": state},
    )


def normalized(value) -> str | None:
    """A cofounder as a client sends it: text (stripped; empty is none), or None."""
    if isinstance(value, str):
        return value.strip() or None
    return value
