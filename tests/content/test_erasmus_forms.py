"""The Classic UI add forms of mobilities and label applications render for a teacher."""

from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space

import pytest


@pytest.mark.parametrize(
    "portal_type,fields",
    [
        (
            "Mobility",
            (
                "form.widgets.preparation_pages",
                "form.widgets.learning_agreement",
                "form.widgets.sending_country",
            ),
        ),
        ("QualityLabel", ("form.widgets.collaboration", "form.widgets.level")),
    ],
)
def test_add_form_renders(portal, portal_type, fields):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    space = make_space(portal["projects"], "teacher-ana", "teacher-luca", "running")
    with api.env.adopt_user(username="teacher-ana"):
        view = space.restrictedTraverse(f"++add++{portal_type}")
        html = view()
    for field in fields:
        assert field in html
