"""What happens when calls, applications, rounds, entries and learning events are added or change."""

from collective.twinning.collaboration.notifications import notify
from collective.twinning.content.quality_label import current_user_id
from collective.twinning.learning.registrations import promote
from collective.twinning.learning.registrations import seats_of
from collective.twinning.lifecycle.countries import national_validators
from collective.twinning.lifecycle.countries import validator_countries
from collective.twinning.lifecycle.notifications import send_mail
from collective.twinning.recognition import prizes
from collective.twinning.recognition import school_label
from collective.twinning.recognition.applications import call_of
from collective.twinning.recognition.applications import organisation_of
from collective.twinning.recognition.applications import record_decision
from collective.twinning.recognition.calls import tell_eligible_schools
from collective.twinning.recognition.organisers import grant_country_reviewers
from plone import api


def organised_added(obj, event) -> None:
    """A call or learning event: its country's validators organise it with its owner."""
    grant_country_reviewers(obj, getattr(obj, "country", None))


def organised_modified(obj, event) -> None:
    grant_country_reviewers(obj, getattr(obj, "country", None))


def call_transition(call, event) -> None:
    if event.transition is not None and event.transition.id == "open":
        tell_eligible_schools(call)


def application_added(application, event) -> None:
    """Store the applicant (its default would follow the reader) and the school's country,
    whose validators decide (local role Reviewer through their group). The call's local roles
    stop here: its owner (who opened the call) has no business in a school's application."""
    application.__ac_local_roles_block__ = True
    if "applicant" not in application.__dict__:
        application.applicant = current_user_id(application)
    organisation = organisation_of(application.organisation)
    application.country = organisation.country if organisation is not None else None
    grant_country_reviewers(application, application.country)


def application_transition(application, event) -> None:
    if event.transition is None:
        return
    organisation = organisation_of(application.organisation)
    name = organisation.title if organisation is not None else ""
    comment = (getattr(event, "kwargs", None) or {}).get("comment", "")
    url = application.absolute_url()
    match event.transition.id:
        case "submit":
            send_mail(
                national_validators(application.country) if application.country else [],
                f"eTwinning School label application: {name}",
                f"{application.applicant} applies for the eTwinning School label for {name}.\n\n{url}\n",
            )
        case "award":
            call = call_of(application)
            until = school_label.award(organisation, call.school_year, application.UID())
            record_decision(application, "school_label_award", comment)
            teachers = school_label.teachers_of(organisation)
            notify(
                teachers,
                "lifecycle",
                f"{name} holds the eTwinning School label until {until.isoformat()}",
                obj=application,
            )
        case "reject":
            record_decision(application, "school_label_reject", comment)
            send_mail(
                [application.applicant],
                f"eTwinning School label not awarded: {name}",
                f"The application of {name} was not awarded.\n{comment}\n\n{url}\n",
            )


def round_changed(prize_round, event) -> None:
    prizes.sync_jury(prize_round)


def round_transition(prize_round, event) -> None:
    if event.transition is not None and event.transition.id == "announce":
        prizes.announce(prize_round)


def entry_added(entry, event) -> None:
    """The nominating validator's country (that of the project, among theirs)."""
    project = prizes.project_of(entry)
    countries = set(getattr(project, "countries", ()) or ()) if project is not None else set()
    mine = validator_countries(api.user.get_current().getId()) & countries
    entry.country = sorted(mine)[0] if mine else None


def event_modified(learning_event, event) -> None:
    """More seats: the waiting list moves up."""
    grant_country_reviewers(learning_event, getattr(learning_event, "country", None))
    if len(seats_of(learning_event).waiting):
        promote(learning_event)
