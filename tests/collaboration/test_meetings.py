"""Meetings: the join window, who is invited, the Jitsi JWT, the BigBlueButton adapter, iCal."""

from collective.twinning.collaboration.meetings import join
from collective.twinning.errors import FieldError
from collective.twinning.security import as_system
from datetime import datetime
from datetime import timedelta
from plone import api
from tests.collaboration.conftest import as_owner
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project
from urllib.parse import parse_qs
from urllib.parse import urlparse
from zExceptions import Forbidden

import jwt
import pytest
import pytz


# plone.app.event keeps pytz time zones (as its REST and form deserializers store them).
START = datetime(2030, 3, 4, 10, 0, tzinfo=pytz.utc)


@pytest.fixture
def meeting(portal):
    space, _page, _materials = build_project(portal, "running")
    with as_system():
        return as_owner(
            space,
            ACCOUNTS["founder"],
            "Meeting",
            id="call",
            title="Kick-off",
            start=START,
            end=START + timedelta(hours=1),
            invitees="members",
        )


@pytest.mark.parametrize(
    "minutes,opens",
    [(-16, False), (-15, True), (0, True), (60, True), (61, False)],
)
def test_window(meeting, minutes, opens):
    now = START + timedelta(minutes=minutes)
    if opens:
        answer = join(meeting, ACCOUNTS["pupil"], now=now)
        assert answer["opens"] == (START - timedelta(minutes=15)).isoformat()
        assert answer["closes"] == (START + timedelta(hours=1)).isoformat()
        assert answer["url"].startswith("https://meet.jit.si/twinning-")
    else:
        with pytest.raises(FieldError) as error:
            join(meeting, ACCOUNTS["pupil"], now=now)
        assert error.value.field in ("start", "end")


def test_rooms_are_unguessable_and_own(meeting):
    with as_system():
        other = as_owner(
            meeting.aq_parent,
            ACCOUNTS["founder"],
            "Meeting",
            id="call2",
            title="Two",
            start=START,
            end=START + timedelta(hours=1),
        )
    assert meeting.room != other.room and len(meeting.room) > 25


@pytest.mark.parametrize(
    "role,invitees,allowed",
    [
        ("pupil", "members", True),
        ("pupil", "teachers", False),
        ("observer", "teachers", False),
        ("teacher", "teachers", True),
        ("pupiladmin", "teachers", True),
        ("member", "members", False),
        ("validator", "members", False),
    ],
)
def test_invitees(meeting, role, invitees, allowed):
    meeting.invitees = invitees
    if allowed:
        assert join(meeting, ACCOUNTS[role], now=START)["url"]
    else:
        with pytest.raises(Forbidden):
            join(meeting, ACCOUNTS[role], now=START)


def test_jwt_names_the_user_and_makes_admins_moderators(meeting):
    api.portal.set_registry_record("collective.twinning.meeting_jwt_secret", "s3cret")
    api.portal.set_registry_record("collective.twinning.meeting_jwt_app_id", "twinning")
    api.portal.set_registry_record("collective.twinning.meeting_jwt_audience", "jitsi")
    api.portal.set_registry_record("collective.twinning.meeting_server", "https://meet.example.org")
    for role, moderator in (("founder", True), ("pupil", False)):
        url = join(meeting, ACCOUNTS[role], now=START)["url"]
        assert url.startswith(f"https://meet.example.org/{meeting.room}?jwt=")
        token = parse_qs(urlparse(url).query)["jwt"][0]
        claims = jwt.decode(
            token, "s3cret", algorithms=["HS256"], audience="jitsi", options={"verify_exp": False}
        )
        assert claims["room"] == meeting.room and claims["iss"] == "twinning"
        assert claims["context"]["user"]["id"] == ACCOUNTS[role]
        assert claims["context"]["user"]["moderator"] is moderator
        with pytest.raises(jwt.InvalidSignatureError):
            jwt.decode(token, "other", algorithms=["HS256"], audience="jitsi")


def test_bigbluebutton_adapter(meeting):
    api.portal.set_registry_record("collective.twinning.meeting_service", "bigbluebutton")
    api.portal.set_registry_record("collective.twinning.meeting_server", "https://bbb.example.org")
    api.portal.set_registry_record("collective.twinning.meeting_jwt_secret", "shared")
    url = join(meeting, ACCOUNTS["founder"], now=START)["url"]
    query = parse_qs(urlparse(url).query)
    assert url.startswith("https://bbb.example.org/bigbluebutton/api/join?")
    assert query["meetingID"] == [meeting.room] and query["role"] == ["MODERATOR"]
    assert len(query["checksum"][0]) == 40


def test_weekly_meeting_opens_each_week(meeting):
    meeting.recurrence = "RRULE:FREQ=WEEKLY;COUNT=4"
    week_later = START + timedelta(days=7, minutes=5)
    answer = join(meeting, ACCOUNTS["pupil"], now=week_later)
    assert answer["opens"] == (START + timedelta(days=7) - timedelta(minutes=15)).isoformat()
    with pytest.raises(FieldError):
        join(meeting, ACCOUNTS["pupil"], now=START + timedelta(days=3))


def test_join_over_rest_and_ical(functional_portal, request_factory):
    import transaction

    space, _page, _materials = build_project(functional_portal, "running")
    now = datetime.now(pytz.utc)
    with as_system():
        as_owner(
            space,
            ACCOUNTS["founder"],
            "Meeting",
            id="now",
            title="Now",
            start=now - timedelta(minutes=5),
            end=now + timedelta(hours=1),
        )
        as_owner(
            space,
            ACCOUNTS["founder"],
            "Meeting",
            id="later",
            title="Later",
            start=now + timedelta(days=2),
            end=now + timedelta(days=2, hours=1),
        )
    transaction.commit()
    from tests.helpers import PASSWORD

    pupil = request_factory(basic_auth=(ACCOUNTS["pupil"], PASSWORD))
    assert pupil.get("/projects/space/now/@join").json()["url"].startswith("https://meet.jit.si/twinning-")
    later = pupil.get("/projects/space/later/@join")
    assert (
        later.status_code == 400 and later.json()["field"] == "start" and "opens" in later.json()["message"]
    )
    assert request_factory().get("/projects/space/now/@join").status_code in (401, 403)
    assert "room" not in pupil.get("/projects/space/now").json()
    ical = request_factory(basic_auth=(ACCOUNTS["pupil"], PASSWORD)).get(
        "/projects/space/now/ics_view", headers={"Accept": "text/calendar"}
    )
    assert ical.status_code == 200 and "BEGIN:VEVENT" in ical.text
