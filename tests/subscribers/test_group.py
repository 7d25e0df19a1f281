"""A Group asks for approval when created, tells its creator when approved, resists deletion."""

from collective.twinning.security import as_system
from email import message_from_bytes
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_group
from tests.helpers import PASSWORD

import pytest
import transaction


def recipients(mailhost) -> list[str]:
    return [message_from_bytes(m)["To"] for m in mailhost.messages]


def test_national_validators_of_the_creators_country_are_asked(portal, mailhost):
    create_teacher("teacher-ana", "ES")
    create_validator("validator-es", "ES")
    create_validator("validator-fr", "FR")
    create_account("validator-eu", "BE", roles=["EuropeanValidator"])
    mailhost.reset()
    group = make_group(portal["groups"], "teacher-ana", state="pending")
    assert group.countries == ("ES",)
    assert recipients(mailhost) == ["validator-es@example.org"]


def test_european_validators_are_asked_when_the_country_has_none(portal, mailhost):
    create_teacher("teacher-ana", "PT")
    create_validator("validator-es", "ES")
    create_account("validator-eu", "BE", roles=["EuropeanValidator"])
    mailhost.reset()
    make_group(portal["groups"], "teacher-ana", state="pending")
    assert recipients(mailhost) == ["validator-eu@example.org"]


def test_creator_is_mailed_on_approval_only(portal, mailhost):
    create_teacher("teacher-ana", "ES")
    group = make_group(portal["groups"], "teacher-ana", state="pending")
    mailhost.reset()
    with as_system():
        api.content.transition(obj=group, transition="approve")
    assert recipients(mailhost) == ["teacher-ana@example.org"]
    mailhost.reset()
    with as_system():
        api.content.transition(obj=group, transition="archive")
    assert mailhost.messages == []


@pytest.mark.parametrize(
    "state,who,deleted",
    [
        ("pending", "teacher-owner", True),
        ("active", "teacher-owner", False),
        ("archived", "teacher-owner", False),
        ("active", "site-manager", True),
    ],
)
def test_who_deletes_a_group(functional_portal, request_factory, state, who, deleted):
    create_teacher("teacher-owner", "ES")
    create_account("site-manager", "ES", roles=["Manager"])
    make_group(functional_portal["groups"], "teacher-owner", state=state)
    transaction.commit()
    response = request_factory(basic_auth=(who, PASSWORD)).delete("/groups/group")
    if deleted:
        assert response.status_code == 204, response.text
    else:
        assert response.status_code in (401, 403)
    transaction.begin()
    assert ("group" in functional_portal["groups"]) is not deleted
