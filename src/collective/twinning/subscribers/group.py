"""A new Group asks its validators for approval; an approved one tells its creator."""

from collective.twinning.lifecycle.countries import european_validators
from collective.twinning.lifecycle.countries import national_validators
from collective.twinning.lifecycle.notifications import send_mail
from collective.twinning.membership.roster import founders
from collective.twinning.subscribers.twinspace import record_transition
from collective.twinning.subscribers.twinspace import update_countries


def group_added(group, event) -> None:
    """The creator's country decides who approves: mail its national validators
    (the European validators when that country has none)."""
    update_countries(group, event)
    validators = [v for country in group.countries for v in national_validators(country)]
    title, url = group.Title(), group.absolute_url()
    send_mail(
        validators or european_validators(),
        f"Group waiting for approval: {title}",
        f"The group '{title}' waits for your approval.\n\n{url}/@workflow/approve\n{url}\n",
    )


def after_transition(group, event) -> None:
    if event.transition is not None:
        record_transition(group, event)
    if event.transition is not None and event.transition.id == "approve":
        title, url = group.Title(), group.absolute_url()
        send_mail(
            founders(group),
            f"Group approved: {title}",
            f"Your group '{title}' is active: teachers can find and join it.\n\n{url}\n",
        )
