"""The membership index follows places (founders, copies, deletion); reserved ids stay reserved."""

from Acquisition import aq_base
from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.membership import index
from collective.twinning.membership.principals import is_reserved
from collective.twinning.membership.roster import roster_of


def place_changed(place, event) -> None:
    """Founders are admins through the index too (added, copied, cofounder changed)."""
    roster_of(place).sync_index()


def place_removed(place, event) -> None:
    if event.newParent is None:  # deleted, not moved
        index.sync_place(place, {})


def refuse_reserved_id(principal, event) -> None:
    """No account or real group takes an id of the add-on's group principals."""
    principal_id = principal if isinstance(principal, str) else principal.getId()
    if principal_id and is_reserved(principal_id):
        is_group = getattr(aq_base(principal), "_isGroup", False)
        raise FieldError(
            "groupname" if is_group else "username",
            _("The name '${name}' is reserved.", mapping={"name": principal_id}),
        )
