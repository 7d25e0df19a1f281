"""A Quality Label application: its stored defaults, mails, and the project's label."""

from collective.twinning import audit
from collective.twinning.content.quality_label import IQualityLabel
from collective.twinning.content.twinspace import space_of
from collective.twinning.labels.eligibility import record_applicant
from collective.twinning.labels.evaluation import label_details
from collective.twinning.lifecycle.countries import european_validators
from collective.twinning.lifecycle.countries import national_validators
from collective.twinning.lifecycle.countries import user_country
from collective.twinning.lifecycle.notifications import send_mail
from collective.twinning.security import as_system
from plone import api
from zope.schema import getFields


DEFAULTED_FIELDS = ("applicant", "school_year")
LABELLABLE_STATES = ("running", "concluded")


def store_defaults(application, event) -> None:
    """Store applicant and school year when the creator left them to their defaults,
    and the applicant's country.

    Dexterity computes an unset field's default on every read, so the current
    user and today's school year would change with whoever reads it, and when.
    """
    fields = getFields(IQualityLabel)
    for name in DEFAULTED_FIELDS:
        if name not in application.__dict__:
            field = fields[name].bind(application)
            setattr(application, name, field.default)
    application.applicant_country = user_country(application.applicant)
    record_applicant(application)
    application.reindexObjectSecurity()  # the applicant and their validators (local roles)


def applicant_changed(application, event) -> None:
    """An administrator named another applicant: their country decides who validates."""
    record_applicant(application)
    country = user_country(application.applicant)
    if country != getattr(application, "applicant_country", None):
        application.applicant_country = country
        application.reindexObjectSecurity()


def validators_of(application) -> list[str]:
    if application.level == "european":
        return european_validators()
    country = getattr(application, "applicant_country", None)
    return national_validators(country) if country else []


def after_transition(application, event) -> None:
    if event.transition is None:
        return
    space = space_of(application)
    title = space.Title() if space is not None else ""
    url = application.absolute_url()
    comment = (event.kwargs or {}).get("comment", "") if hasattr(event, "kwargs") else ""
    if event.transition.id in ("award", "reject") and space is not None:
        audit.record(
            space, f"label_{event.transition.id}", application.UID(), comment, **label_details(application)
        )
    match event.transition.id:
        case "submit":
            send_mail(
                validators_of(application),
                f"Quality Label application: {title}",
                f"{application.applicant} applies for a {application.level} Quality Label for "
                f"the project '{title}'.\n\n{url}/@evaluation\n{url}\n",
            )
        case "award":
            if space is not None and api.content.get_state(obj=space) in LABELLABLE_STATES:
                with as_system():
                    api.content.transition(
                        obj=space,
                        transition="label",
                        comment=f"{application.level.capitalize()} Quality Label awarded.",
                    )
            send_mail(
                [application.applicant],
                f"Quality Label awarded: {title}",
                f"Your project '{title}' holds the {application.level} Quality Label.\n{comment}\n\n{url}\n",
            )
        case "reject":
            send_mail(
                [application.applicant],
                f"Quality Label not awarded: {title}",
                f"Your application for a {application.level} Quality Label for '{title}' "
                f"was not awarded.\n{comment}\n\n{url}\n",
            )
    if space is not None:
        space.reindexObject(idxs=["quality_labels"])


def label_removed(application, event) -> None:
    """A deleted label no longer counts for its project's facet."""
    from collective.twinning.content.twinspace import ITwinSpace

    # When the whole project is deleted, its children get the project's event,
    # whose old parent is /projects: nothing to reindex then.
    space = event.oldParent
    if event.newParent is None and ITwinSpace.providedBy(space):
        space.reindexObject(idxs=["quality_labels"])
