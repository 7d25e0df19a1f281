"""Content and sessions for the REST tests (functional layer: commit to be seen)."""

from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space

import pytest
import transaction


# Quality Labels are applied for in a running project, by one of its teachers.
LABEL_APPLICANT = "founder-olga"


@pytest.fixture
def twinspace(functional_portal):
    """A TwinSpace in /projects, committed so HTTP requests see it."""
    with api.env.adopt_roles(["Manager"]):
        space = api.content.create(
            container=functional_portal["projects"],
            type="TwinSpace",
            id="space",
            title="A space",
            languages=["en"],
            subjects=["art"],
            age_from=8,
            age_to=10,
        )
        api.content.create(container=space, type="Page", id="page", title="A page")
    create_teacher(LABEL_APPLICANT, "ES")
    create_teacher("partner-piet", "NL")
    make_space(functional_portal["projects"], LABEL_APPLICANT, "partner-piet", "running", id_="running")
    transaction.commit()
    return space


@pytest.fixture
def payloads(payloads):
    """The shared payloads; a label application names its applicant (the manager applies for them)."""
    payloads["QualityLabel"]["applicant"] = LABEL_APPLICANT
    return payloads


# Where each type is created: a container path relative to the portal.
PARENTS = {
    "TwinSpace": "projects",
    "Group": "groups",
    "PartnerPosting": "partner-finding",
    "Page": "projects/space",
    "Material": "projects/space/page",
    "Mobility": "projects/space",
    "QualityLabel": "projects/running",
}


@pytest.fixture
def parents():
    return dict(PARENTS)


@pytest.fixture
def session(session_for):
    """A REST session as ``actor``: a user id, "Manager" or "Anonymous"."""
    return session_for
