"""Content and sessions for the REST tests (functional layer: commit to be seen)."""

from plone import api

import pytest
import transaction


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
    transaction.commit()
    return space


# Where each type is created: a container path relative to the portal.
PARENTS = {
    "TwinSpace": "projects",
    "Group": "groups",
    "PartnerPosting": "partner-finding",
    "Page": "projects/space",
    "Material": "projects/space/page",
    "Mobility": "projects/space",
    "QualityLabel": "projects/space",
}


@pytest.fixture
def parents():
    return dict(PARENTS)


@pytest.fixture
def session(session_for):
    """A REST session as ``actor``: a user id, "Manager" or "Anonymous"."""
    return session_for
