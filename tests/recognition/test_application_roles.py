"""Who reaches a School label application: its applicant and, once submitted, the validators of the
school's country; never the call's owner by acquisition (a validator who created the call, or the
European service for every country)."""

from plone import api
from tests.recognition.conftest import apply
from tests.recognition.conftest import EUROPEAN
from tests.recognition.conftest import make_call
from tests.recognition.conftest import VALIDATOR_ES
from tests.recognition.conftest import VALIDATOR_IT

import pytest


ACTIONS = {"view": "View", "edit": "Modify portal content", "delete": "Delete objects"}
# call owner, state, user -> the actions they have on the application
TABLE = [
    (VALIDATOR_ES, "draft", "teacher-ana", {"view", "edit", "delete"}),
    (VALIDATOR_ES, "draft", VALIDATOR_ES, set()),
    (VALIDATOR_ES, "draft", "teacher-pablo", set()),
    (VALIDATOR_ES, "submitted", VALIDATOR_ES, {"view"}),
    (VALIDATOR_ES, "submitted", VALIDATOR_IT, set()),
    (VALIDATOR_ES, "submitted", "teacher-pablo", set()),
    (EUROPEAN, "draft", EUROPEAN, set()),
    (EUROPEAN, "draft", "teacher-ana", {"view", "edit", "delete"}),
    (EUROPEAN, "submitted", EUROPEAN, set()),
    (EUROPEAN, "submitted", VALIDATOR_ES, {"view"}),
]


@pytest.mark.parametrize("owner, state, userid, allowed", TABLE)
def test_who_reaches_an_application(portal, school, owner, state, userid, allowed):
    call = make_call(portal, owner=owner, country="ES" if owner == VALIDATOR_ES else None)
    application = apply(call, school, submit=state == "submitted")
    assert api.content.get_state(application) == state
    has = {
        action
        for action, permission in ACTIONS.items()
        if api.user.has_permission(permission, username=userid, obj=application)
    }
    assert has == allowed
