"""FieldError: REST answers 400 with the field and its message."""

from collective.twinning.errors import FieldError
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.helpers import PASSWORD
from ZPublisher.HTTPResponse import HTTPResponse

import pytest
import transaction


@pytest.fixture
def space(functional_portal):
    create_teacher("teacher-ana", "ES")
    space = make_space(functional_portal["projects"], "teacher-ana", None)
    transaction.commit()
    return space


def test_rest_body_names_the_field(space, request_factory):
    session = request_factory(basic_auth=("teacher-ana", PASSWORD))

    response = session.post(
        "/projects/space/@members", json={"user": "nobody-here", "role": "TwinSpaceTeacher"}
    )

    assert response.status_code == 400
    body = response.json()
    assert (body["type"], body["field"], body["message"]) == (
        "BadRequest",
        "user",
        "There is no account 'nobody-here'.",
    )


def test_status_is_400_outside_rest():
    response = HTTPResponse()
    response.setStatus(FieldError)
    assert response.getStatus() == 400
