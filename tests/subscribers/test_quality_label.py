"""A new Quality Label application stores its applicant and school year."""

from collective.twinning.content.quality_label import school_year_of
from datetime import date
from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space


def test_applicant_and_school_year_are_stored_at_creation(portal, payloads):
    values = {k: v for k, v in payloads["QualityLabel"].items() if not k.startswith("@")}
    del values["school_year"]
    create_teacher("ines-teacher", "ES")
    create_teacher("otto-teacher", "DE")
    project = make_space(portal["projects"], "ines-teacher", "otto-teacher", "running")
    with api.env.adopt_user(username="ines-teacher"):
        application = api.content.create(container=project, type="QualityLabel", **values)
    # Stored, not recomputed for whoever reads it.
    assert application.__dict__["applicant"] == "ines-teacher"
    assert application.__dict__["school_year"] == school_year_of(date.today())
    with api.env.adopt_roles(["Manager"]):
        assert application.applicant == "ines-teacher"
