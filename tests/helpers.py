"""Accounts and projects in a given state, for the lifecycle and permission tests."""

from collective.twinning.security import as_system
from collective.twinning.teachers.requests import forget_request
from plone import api


PASSWORD = "secret-pass-2026"

# Transitions that lead from draft to each state (fired with system rights).
PATHS = {
    "draft": [],
    "pending": ["submit"],
    "validated": ["submit", "validate"],
    "running": ["submit", "validate", "start"],
    "concluded": ["submit", "validate", "start", "conclude"],
    "labelled": ["submit", "validate", "start", "label"],
    "archived": ["submit", "validate", "start", "conclude", "archive"],
}
STATES = tuple(PATHS)


def create_account(userid: str, country: str | None = "ES", roles=()):
    api.user.create(
        email=f"{userid}@example.org",
        username=userid,
        password=PASSWORD,
        properties={"fullname": userid.replace("-", " ").title(), "country": country or ""},
    )
    forget_request(userid)
    if roles:
        api.user.grant_roles(username=userid, roles=list(roles))
    return api.user.get(userid=userid)


def create_teacher(userid: str, country: str = "ES"):
    return create_account(userid, country, roles=["Teacher"])


def create_validator(userid: str, country: str):
    """A national validator of ``country``: the global role and the country, as agencies assign them."""
    return create_account(userid, country, roles=["NationalValidator"])


def make_space(container, owner: str, cofounder: str | None, state: str = "draft", id_="space"):
    """A TwinSpace created by ``owner`` and brought to ``state``."""
    with api.env.adopt_user(username=owner):
        space = api.content.create(
            container=container,
            type="TwinSpace",
            id=id_,
            title=f"Project {id_}",
            languages=["en"],
            subjects=["art"],
            age_from=8,
            age_to=10,
            cofounder=cofounder,
        )
    with as_system():
        for transition in PATHS[state]:
            api.content.transition(obj=space, transition=transition)
    return space


# Transitions that lead a new (pending) group to each state.
GROUP_PATHS = {"pending": [], "active": ["approve"], "archived": ["approve", "archive"]}


def make_group(container, owner: str, access: str = "open", state: str = "active", id_="group"):
    """A Group created by ``owner`` and brought to ``state`` (with system rights)."""
    with api.env.adopt_user(username=owner):
        group = api.content.create(
            container=container,
            type="Group",
            id=id_,
            title=f"Group {id_}",
            access=access,
            languages=["en"],
            subjects=["art"],
        )
    with as_system():
        for transition in GROUP_PATHS[state]:
            api.content.transition(obj=group, transition=transition)
    return group


def create_pupil_account(userid: str):
    """An account marked as a pupil's (as @pupils makes them), without a space."""
    user = create_account(userid, None)
    user.setMemberProperties({"pupil_of": "some-space-uid", "email": ""})
    return user


# Erasmus+: mobilities and Quality Label applications -------------------------

from collective.twinning.labels.evaluation import evaluate  # noqa: E402
from datetime import date  # noqa: E402
from plone.app.textfield.value import RichTextValue  # noqa: E402


MOBILITY_PATHS = {
    "planned": [],
    "confirmed": ["confirm"],
    "completed": ["confirm", "complete"],
    "reported": ["confirm", "complete", "report"],
    "cancelled": ["cancel"],
}
MOBILITY_STATES = tuple(MOBILITY_PATHS)
LABEL_STATES = ("draft", "submitted", "awarded", "rejected")

CRITERION = (
    "Pupils planned the work with their partners, chose the tools and presented their "
    "findings to both schools in a shared online event, then assessed each other's work."
)
GOOD_SCORES = {
    "pedagogical_approaches": 8,
    "curricular_integration": 7,
    "collaboration": 9,
    "use_of_technology": 5,
    "results_documentation": 6,
}


def make_mobility(space, owner: str, id_="mobility", state="planned", **fields):
    """A valid job shadowing created by ``owner`` and brought to ``state``."""
    values = {
        "title": "Job shadowing in Genova",
        "key_action": "KA122",
        "activity_type": "job_shadowing",
        "direction": "outgoing",
        "sending_organisation": "IES Miguel de Cervantes",
        "receiving_organisation": "Liceo Galileo Galilei",
        "host_country": "IT",
        "start": date(2027, 2, 8),
        "end": date(2027, 2, 12),
        "participants_staff": 2,
        **fields,
    }
    with api.env.adopt_user(username=owner):
        mobility = api.content.create(container=space, type="Mobility", id=id_, **values)
    if "report" in MOBILITY_PATHS[state] and not mobility.report:
        mobility.report = RichTextValue(
            "<p>Two teachers observed four lessons.</p>", "text/html", "text/x-html-safe"
        )
    with as_system(owner):
        for transition in MOBILITY_PATHS[state]:
            api.content.transition(obj=mobility, transition=transition)
    return mobility


def make_label(space, applicant: str, level="national", id_=None, school_year="2026-2027", **fields):
    """A draft application by ``applicant`` (created as them, as in the portal)."""
    values = dict.fromkeys(GOOD_SCORES, CRITERION)
    values.update(fields)
    with api.env.adopt_user(username=applicant):
        return api.content.create(
            container=space,
            type="QualityLabel",
            id=id_ or f"{level}-{applicant}",
            title=f"{level} label",
            level=level,
            school_year=school_year,
            **values,
        )


def submit_label(label):
    with as_system(label.applicant):
        api.content.transition(obj=label, transition="submit")
    return label


def decide_label(label, validator: str, decision: str, scores=None):
    """The validator scores the application and decides (their own rights, no system)."""
    with api.env.adopt_user(username=validator):
        return evaluate(
            label,
            validator,
            {"scores": scores or GOOD_SCORES, "comment": "A well documented project.", "decision": decision},
        )


def bring_label_to(label, state: str, validator: str):
    if state == "draft":
        return label
    submit_label(label)
    if state == "awarded":
        decide_label(label, validator, "award")
    elif state == "rejected":
        decide_label(label, validator, "reject")
    return label
