"""A TwinSpace keeps its founders and countries, mails about its lifecycle, and resists deletion."""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from collective.twinning import audit
from collective.twinning.content.founders import cofounder_change_problem
from collective.twinning.content.founders import cofounder_of_record
from collective.twinning.content.founders import has_record
from collective.twinning.content.founders import is_administrator
from collective.twinning.content.founders import record_cofounder
from collective.twinning.errors import FieldError
from collective.twinning.lifecycle.checklist import clear_decisions
from collective.twinning.lifecycle.countries import compute_countries
from collective.twinning.lifecycle.countries import national_validators
from collective.twinning.lifecycle.notifications import send_mail
from collective.twinning.membership.roster import founders
from plone import api
from zope.lifecycleevent.interfaces import IObjectAddedEvent
from zope.lifecycleevent.interfaces import IObjectModifiedEvent


def founders_changed(space, event) -> None:
    """A new partner founder (content.founders says who may name it, and when) is audited;
    while the project is pending its checklist starts again. Raising aborts the request."""
    if IObjectAddedEvent.providedBy(event) or not has_record(space):
        record_cofounder(space)
        return
    previous, cofounder = cofounder_of_record(space), space.cofounder or None
    if cofounder == previous:
        return
    problem = cofounder_change_problem(space)
    if problem is not None:
        raise FieldError("cofounder", problem)
    record_cofounder(space)
    audit.record(space, "cofounder_changed", cofounder, previous_cofounder=previous)
    if api.content.get_state(obj=space, default=None) == "pending":
        clear_decisions(space)  # another partner, maybe other countries: everyone decides again


def update_countries(place, event) -> None:
    """The place's countries are its founders' (two different: a European project).

    From its first submission on a project's countries are frozen: a founder's edit leaves
    them (a founder's country may have changed since); an administrator's edit, or a new
    submission, takes the founders' countries again. Creation and direct calls (upgrades)
    always do."""
    if IObjectModifiedEvent.providedBy(event) and not (in_first_state(place) or is_administrator(place)):
        return
    refresh_countries(place)


def refresh_countries(place) -> None:
    countries = compute_countries(founders(place))
    if countries != getattr(place, "countries", ()):
        place.countries = countries
        # The validators of the countries see the project: its security changes.
        place.reindexObjectSecurity()


def in_first_state(place) -> bool:
    """In its workflow's initial state (a project's draft), or in none."""
    state = api.content.get_state(obj=place, default=None)
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(place)
    return state is None or not workflows or state == workflows[0].initial_state


def after_transition(space, event) -> None:
    """Mails about the lifecycle; a retract also voids the decisions taken so far."""
    if event.transition is None:
        return
    record_transition(space, event)
    title, url = space.Title(), space.absolute_url()
    comment = (event.kwargs or {}).get("comment", "") if hasattr(event, "kwargs") else ""
    people = founders(space)
    match event.transition.id:
        case "retract":
            # The founders edit again: earlier approvals no longer hold.
            clear_decisions(space)
        case "submit":
            refresh_countries(space)  # the validators decide on the founders' countries of now
            validators = [v for c in space.countries for v in national_validators(c)]
            send_mail(
                [*people[1:], *validators],
                f"Project submitted for validation: {title}",
                f"The project '{title}' waits for your decision.\n\n{url}/@validation\n{url}\n",
            )
        case "validate":
            send_mail(
                people,
                f"Project validated: {title}",
                f"Your project '{title}' is validated: you can start it.\n\n{url}\n",
            )
        case "reject":
            send_mail(
                people,
                f"Project rejected: {title}",
                f"Your project '{title}' went back to draft.\n{comment}\n\n{url}\n",
            )


def record_transition(place, event) -> None:
    """The place's audit log keeps every transition of its workflow."""
    comment = (getattr(event, "kwargs", None) or {}).get("comment", "")
    audit.record(
        place,
        "transition",
        None,
        comment,
        transition=event.transition.id,
        from_state=event.old_state.id,
        to_state=event.new_state.id,
    )


def guard_deletion(place, event) -> None:
    """Founders may delete their draft project (a creator their pending group);
    after its workflow's first state only administrators may delete it."""
    if event.newParent is not None:  # moved or renamed, not deleted
        return
    state = api.content.get_state(obj=place, default=None)
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(place)
    if state is None or not workflows or state == workflows[0].initial_state:
        return
    # The acting security context (system steps included), not the account looked up again.
    roles = set(getSecurityManager().getUser().getRolesInContext(place))
    if not roles & {"Manager", "Site Administrator"}:
        raise Unauthorized(f"Only administrators delete it once it is {state}.")
