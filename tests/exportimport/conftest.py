"""A running project with everything an export must carry, committed for HTTP."""

from collective.twinning.lifecycle.checklist import decide
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.uploads import samples

import pytest
import transaction


@pytest.fixture
def project(functional_portal):
    """Founders teacher-ana-es and teacher-luca-it, validated by both countries, running;
    a teacher member, a pupil, a public page with a subpage, a file and a picture."""
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    create_teacher("teacher-eva-es", "ES")
    create_validator("validator-es", "ES")
    create_validator("validator-it", "IT")
    space = make_space(functional_portal["projects"], "teacher-ana-es", "teacher-luca-it", "draft")
    with api.env.adopt_user(username="teacher-ana-es"):
        api.content.transition(obj=space, transition="submit")
    for userid in ("teacher-luca-it", "validator-es", "validator-it"):
        with api.env.adopt_user(username=userid):
            decide(space, userid, "approve", f"approved by {userid}")
    with as_system("teacher-ana-es"):
        api.content.transition(obj=space, transition="start")
        Roster(space).set("teacher-eva-es", "TwinSpaceTeacher")
        create_pupil(space, {"username": "pupil-nora", "fullname": "Nora Pérez", "password": PASSWORD})
    with api.env.adopt_user(username="teacher-ana-es"):
        page = api.content.create(container=space, type="Page", id="welcome", title="Welcome")
        api.content.create(container=page, type="Page", id="week-1", title="Week 1")
        api.content.create(
            container=page,
            type="Material",
            id="worksheet",
            title="Worksheet",
            file=NamedBlobFile(data=samples.PDF, filename="worksheet.pdf", contentType="application/pdf"),
            copyright_confirmed=True,
        )
        api.content.create(
            container=space,
            type="Material",
            id="class-photo",
            title="Class photo",
            image=NamedBlobImage(data=samples.photo("PNG"), filename="class.png", contentType="image/png"),
            copyright_confirmed=True,
        )
    with as_system("teacher-ana-es"):
        api.content.transition(obj=page, transition="publish")
    transaction.commit()
    return space
