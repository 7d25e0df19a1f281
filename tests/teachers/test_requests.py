"""Pending teacher accounts and the national services' decisions (no HTTP)."""

from collective.twinning.teachers import requests
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import PASSWORD
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import NotFound

import pytest


def register(userid: str, country: str):
    """A new account, as self-registration makes it (the request is kept)."""
    return api.user.create(
        email=f"{userid}@example.org",
        username=userid,
        password=PASSWORD,
        properties={"fullname": userid.replace("-", " ").title(), "country": country},
    )


@pytest.fixture
def validators(portal):
    create_validator("validator-es", "ES")
    create_validator("validator-it", "IT")
    create_account("admin-maria", None, roles=["Manager"])
    create_account("siteadmin-sara", None, roles=["Site Administrator"])


@pytest.fixture
def applicants(portal):
    register("teacher-nuria", "ES")
    register("teacher-marco", "IT")
    register("teacher-jordi", "ES")


def decide_as(validator, userid, decision, comment=None):
    with api.env.adopt_user(username=validator):
        return requests.decide(userid, validator, decision, comment)


def ids(items) -> list[str]:
    return [item["id"] for item in items]


def is_teacher(userid: str) -> bool:
    return "Teacher" in api.user.get_roles(username=userid)


def test_new_account_is_a_pending_member(portal):
    register("teacher-nuria", "ES")

    assert requests.is_pending("teacher-nuria")
    assert not is_teacher("teacher-nuria")
    [item] = requests.pending_for({"ES"})
    assert item["id"] == "teacher-nuria"
    assert item["country"] == "ES"
    assert item["fullname"] == "Teacher Nuria"
    assert item["requested"]


def test_a_group_is_not_a_request(portal):
    api.group.create(groupname="school-staff")

    assert "school-staff" not in ids(requests.pending_for(None))


@pytest.mark.parametrize(
    "countries,expected",
    [
        ({"ES"}, ["teacher-nuria", "teacher-jordi"]),
        ({"IT"}, ["teacher-marco"]),
        ({"ES", "IT"}, ["teacher-nuria", "teacher-marco", "teacher-jordi"]),
        ({"FR"}, []),
        (set(), []),
        (None, ["teacher-nuria", "teacher-marco", "teacher-jordi"]),
    ],
    ids=["es", "it", "es-it", "fr", "none", "all"],
)
def test_pending_for_filters_by_country(applicants, countries, expected):
    assert sorted(ids(requests.pending_for(countries))) == sorted(expected)


def test_pending_for_skips_teachers_and_deleted_users(applicants):
    api.user.grant_roles(username="teacher-nuria", roles=["Teacher"])
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username="teacher-jordi")

    assert ids(requests.pending_for({"ES", "IT"})) == ["teacher-marco"]
    assert not requests.is_pending("teacher-nuria")
    assert not requests.is_pending("teacher-jordi")


@pytest.mark.parametrize(
    "validator,expected",
    [("validator-es", {"ES"}), ("validator-it", {"IT"}), ("admin-maria", None), ("siteadmin-sara", None)],
)
def test_countries_of_validator(validators, validator, expected):
    assert requests.countries_of_validator(validator) == expected


def test_approve_grants_teacher(applicants, validators):
    result = decide_as("validator-es", "teacher-nuria", "approve", " Welcome! ")

    assert is_teacher("teacher-nuria")
    assert not requests.is_pending("teacher-nuria")
    assert result["status"] == "approved"
    assert result["decided_by"] == "validator-es"
    assert result["comment"] == "Welcome!"
    assert "teacher-nuria" not in ids(requests.pending_for({"ES"}))
    assert not is_teacher("teacher-jordi")  # only the one decided


def test_reject_does_not_grant_teacher(applicants, validators):
    result = decide_as("validator-es", "teacher-nuria", "reject", "Not a school teacher.")

    assert not is_teacher("teacher-nuria")
    assert not requests.is_pending("teacher-nuria")
    assert result["status"] == "rejected"
    assert result["comment"] == "Not a school teacher."
    assert ids(requests.pending_for({"ES"})) == ["teacher-jordi"]


@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_other_country_validator_is_forbidden(applicants, validators, decision):
    with pytest.raises(Forbidden):
        decide_as("validator-it", "teacher-nuria", decision, "No.")

    assert requests.is_pending("teacher-nuria")
    assert not is_teacher("teacher-nuria")


def test_teacher_without_country_waits_for_administrators(portal, validators):
    register("teacher-nomad", "")

    assert "teacher-nomad" not in ids(requests.pending_for({"ES"}))
    with pytest.raises(Forbidden):
        decide_as("validator-es", "teacher-nomad", "approve")
    assert "teacher-nomad" in ids(requests.pending_for(None))


@pytest.fixture
def already_decided(applicants, validators):
    create_teacher("teacher-ana", "ES")
    decide_as("validator-es", "teacher-jordi", "reject", "Unknown school.")


@pytest.mark.parametrize(
    "userid",
    ["nobody-here", "teacher-ana", "teacher-jordi", "validator-es"],
    ids=["unknown", "already-teacher", "already-rejected", "never-requested"],
)
def test_no_pending_request_is_not_found(already_decided, mailhost, userid):
    with pytest.raises(NotFound):
        decide_as("validator-es", userid, "approve")

    assert mailhost.messages == []


def test_rejected_account_stays_rejected(already_decided):
    with pytest.raises(NotFound):
        decide_as("validator-es", "teacher-jordi", "approve")

    assert not is_teacher("teacher-jordi")


@pytest.mark.parametrize("manager", ["admin-maria", "siteadmin-sara"])
@pytest.mark.parametrize("userid", ["teacher-nuria", "teacher-marco"])
def test_administrators_decide_any_country(applicants, validators, manager, userid):
    decide_as(manager, userid, "approve")

    assert is_teacher(userid)


@pytest.mark.parametrize(
    "decision",
    ["accept", "", None, "Approve", ["approve"]],
    ids=["accept", "empty", "none", "capitalised", "list"],
)
def test_unknown_decision(applicants, validators, decision):
    with pytest.raises(BadRequest) as error:
        decide_as("validator-es", "teacher-nuria", decision)

    assert "decision" in str(error.value)
    assert requests.is_pending("teacher-nuria")


def test_comment_must_be_text(applicants, validators):
    with pytest.raises(BadRequest) as error:
        decide_as("validator-es", "teacher-nuria", "approve", 42)

    assert "comment" in str(error.value)
    assert requests.is_pending("teacher-nuria")
    assert not is_teacher("teacher-nuria")


def _mails(host) -> list[dict]:
    result = []
    for raw in host.messages:
        message = message_from_bytes(raw)
        result.append(
            {
                "to": message["To"],
                "subject": str(make_header(decode_header(message["Subject"]))),
                "body": message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8"),
            }
        )
    return result


@pytest.mark.parametrize(
    "decision,word,comment",
    [
        ("approve", "approved", "Welcome to eTwinning."),
        ("reject", "rejected", "Not a school teacher."),
    ],
)
def test_the_teacher_is_mailed(applicants, validators, mailhost, portal, decision, word, comment):
    decide_as("validator-es", "teacher-nuria", decision, comment)

    [mail] = _mails(mailhost)
    assert mail["to"] == "teacher-nuria@example.org"
    assert word in mail["subject"]
    assert comment in mail["body"]
    assert portal.absolute_url() in mail["body"]


def test_refused_decision_mails_nobody(applicants, validators, mailhost):
    with pytest.raises(Forbidden):
        decide_as("validator-it", "teacher-nuria", "approve")

    assert mailhost.messages == []
