"""A new Quality Label application stores its applicant and school year."""

from collective.twinning.content.quality_label import school_year_of
from datetime import date
from plone import api


def test_applicant_and_school_year_are_stored_at_creation(portal, payloads):
    values = {k: v for k, v in payloads["QualityLabel"].items() if not k.startswith("@")}
    del values["school_year"]
    api.user.create(email="ines@example.org", username="ines-teacher", password="secret-pass")
    with api.env.adopt_roles(["Manager"]):
        project = api.content.create(
            container=portal["projects"], type="TwinSpace", id="p", title="P",
            languages=["en"], subjects=["art"], age_from=8, age_to=9,
        )
        api.user.grant_roles(username="ines-teacher", obj=project, roles=["Contributor"])
    with api.env.adopt_user(username="ines-teacher"):
        application = api.content.create(container=project, type="QualityLabel", **values)
    # Stored, not recomputed for whoever reads it.
    assert application.__dict__["applicant"] == "ines-teacher"
    assert application.__dict__["school_year"] == school_year_of(date.today())
    with api.env.adopt_roles(["Manager"]):
        assert application.applicant == "ines-teacher"
