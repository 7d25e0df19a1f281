"""Learning events over HTTP: who registers, who marks attendance, who downloads a certificate,
who verifies it (state x role x action), the waiting list, the PDF read back, no e-mail anywhere."""

from collective.twinning.learning.registrations import register
from collective.twinning.learning.registrations import registered_ids
from collective.twinning.learning.registrations import waiting_ids
from collective.twinning.security import as_system
from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from io import BytesIO
from plone import api
from pypdf import PdfReader
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher
from tests.helpers import create_validator

import pytest
import transaction


DENIED = (401, 403)
TODAY = date.today()
PEOPLE = (
    "teacher-ana",
    "teacher-jon",
    "teacher-luca",
    "validator-es",
    "validator-it",
    "central-eva",
    "pupil-gala",
    "anonymous",
    "manager",
)


def make_event(portal, state="published", capacity=2, owner="validator-es", country="ES", started=True):
    start = datetime.now(UTC) + timedelta(days=-1 if started else 7)
    with api.env.adopt_user(username=owner):
        event = api.content.create(
            container=portal["learning"],
            type="LearningEvent",
            title="Project-based learning",
            kind="online_seminar",
            capacity=capacity,
            hours=6,
            language="en",
            country=country,
            registration_opens=TODAY - timedelta(days=5),
            registration_closes=TODAY + timedelta(days=5),
            start=start,
            end=start + timedelta(hours=2),
        )
    if state == "published":
        with as_system(owner):
            api.content.transition(obj=event, transition="publish")
    return event


@pytest.fixture
def people(functional_portal):
    create_teacher("teacher-ana", "ES").setMemberProperties({"fullname": "Ana Vidal"})
    create_teacher("teacher-jon", "ES")
    create_teacher("teacher-luca", "IT")
    create_validator("validator-es", "ES")
    create_validator("validator-it", "IT")
    create_account("central-eva", "BE", roles=["EuropeanValidator"])
    create_pupil_account("pupil-gala")
    transaction.commit()
    return functional_portal


def url(event, service):
    return f"{event.absolute_url()}/{service}"


# state x role x action: POST @register (a seat for oneself).
REGISTER = {
    "published": {
        "teacher-ana": 201,
        "teacher-luca": 201,
        "pupil-gala": DENIED,
        "anonymous": DENIED,
        "validator-it": DENIED,
    },
    "draft": {"teacher-ana": DENIED, "teacher-luca": DENIED, "pupil-gala": DENIED, "anonymous": DENIED},
}


@pytest.mark.parametrize(
    "state,who,expected",
    [(state, who, expected) for state, row in REGISTER.items() for who, expected in row.items()],
)
def test_who_registers(people, session_for, state, who, expected):
    event = make_event(people, state)
    transaction.commit()
    response = session_for(who).post(url(event, "@register"), json={})
    assert (
        (response.status_code in expected)
        if isinstance(expected, tuple)
        else (response.status_code == expected)
    ), response.text


# state x role x action: GET and POST @attendance (the organisers' list and marks).
ATTENDANCE = {
    "validator-es": 200,  # a validator of the event's country
    "central-eva": 200,  # the European service
    "manager": 200,
    "validator-it": DENIED,  # another country's validator
    "teacher-ana": DENIED,  # a registered teacher marking herself
    "pupil-gala": DENIED,
    "anonymous": DENIED,
}


@pytest.mark.parametrize("who,expected", ATTENDANCE.items())
def test_who_marks_attendance(people, session_for, who, expected):
    event = make_event(people)
    with api.env.adopt_user(username="teacher-ana"):
        register(event, "teacher-ana")
    transaction.commit()
    listed = session_for(who).get(url(event, "@attendance"), headers={"Accept": "application/json"})
    marked = session_for(who).post(
        url(event, "@attendance"), json={"completed": ["teacher-ana"]}, headers={"Accept": "application/json"}
    )
    for response in (listed, marked):
        assert (
            (response.status_code in expected)
            if isinstance(expected, tuple)
            else (response.status_code == expected)
        ), response.text
    if expected == 200:
        assert marked.json()["registered"] == [
            {"userid": "teacher-ana", "fullname": "Ana Vidal", "completed": True}
        ]
        assert "@" not in listed.text  # names, never e-mail addresses


def test_attendance_of_strangers_or_before_the_start_names_the_field(people, session_for):
    event = make_event(people)
    future = make_event(people, started=False)
    for item in (event, future):
        with api.env.adopt_user(username="teacher-ana"):
            register(item, "teacher-ana")
    transaction.commit()
    session = session_for("validator-es")
    stranger = session.post(
        url(event, "@attendance"), json={"completed": ["teacher-jon"]}, headers={"Accept": "application/json"}
    )
    early = session.post(
        url(future, "@attendance"),
        json={"completed": ["teacher-ana"]},
        headers={"Accept": "application/json"},
    )
    for response in (stranger, early):
        assert response.status_code == 400 and response.json()["field"] == "completed", response.text


def test_waiting_list_first_come_first_served(people):
    event = make_event(people, capacity=20)
    teachers = [f"teacher-{n:02d}" for n in range(50)]
    for userid in teachers:
        create_teacher(userid, "ES")
        with api.env.adopt_user(username=userid):
            register(event, userid)
    assert registered_ids(event) == teachers[:20]
    assert waiting_ids(event) == teachers[20:]
    from collective.twinning.learning.registrations import unregister

    unregister(event, "teacher-03")
    assert registered_ids(event) == teachers[:3] + teachers[4:21]  # the first waiting took the seat
    assert waiting_ids(event) == teachers[21:]


def test_certificate_pdf_and_verification(people, session_for):
    event = make_event(people)
    with api.env.adopt_user(username="teacher-ana"):
        register(event, "teacher-ana")
    transaction.commit()
    session_for("validator-es").post(
        url(event, "@attendance"), json={"completed": ["teacher-ana"]}, headers={"Accept": "application/json"}
    )
    response = session_for("teacher-ana").get(
        url(event, "@certificate"), headers={"Accept": "application/pdf"}
    )
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/pdf"), (
        response.text[:3000]
    )
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Ana Vidal" in text and "Project-based learning" in text and "6 hours" in text
    assert "teacher-ana@" not in text and "example" not in text.split("Check it at")[0]
    code = next(line.split(": ")[1] for line in text.splitlines() if line.startswith("Verification code"))

    checked = session_for("anonymous").get(
        f"{people.absolute_url()}/@verify-certificate/{code}", headers={"Accept": "application/json"}
    )
    assert checked.status_code == 200 and checked.json()["valid"] is True
    assert checked.json()["name"] == "Ana Vidal" and checked.json()["hours"] == 6
    assert "@example" not in checked.text
    forged = session_for("anonymous").get(
        f"{people.absolute_url()}/@verify-certificate/AAAA-BBBB-CCCC", headers={"Accept": "application/json"}
    )
    assert forged.json()["valid"] is False

    # Only the teacher who completed it downloads it.
    for who in ("teacher-jon", "validator-es"):
        other = session_for(who).get(url(event, "@certificate"), headers={"Accept": "application/pdf"})
        assert other.status_code == 404, (who, other.status_code)
    # Un-marking withdraws it: the code no longer verifies.
    session_for("validator-es").post(
        url(event, "@attendance"),
        json={"not_completed": ["teacher-ana"]},
        headers={"Accept": "application/json"},
    )
    again = session_for("anonymous").get(
        f"{people.absolute_url()}/@verify-certificate/{code}", headers={"Accept": "application/json"}
    )
    assert again.json()["valid"] is False


@pytest.mark.parametrize(
    "userid,fullname,printed",
    [
        ("teacher-jon", "", "teacher-jon"),
        ("teacher-jon", "Jon Arana", "Jon Arana"),
        ("mar@example.org", None, "mar"),  # an id that is an e-mail address (e-mail login sites)
    ],
)
def test_the_name_on_a_certificate_is_never_an_e_mail(people, userid, fullname, printed):
    from collective.twinning.learning.certificates import _name

    if fullname is not None:
        api.user.get(userid=userid).setMemberProperties({"fullname": fullname})
    assert _name(userid) == printed


def test_verification_shows_the_event_address_only_to_who_may_view_it(people):
    """A retracted event keeps its certificates valid, but its address is not given away."""
    from collective.twinning.learning.attendance import certificate_code
    from collective.twinning.learning.attendance import mark
    from collective.twinning.learning.certificates import verify
    from collective.twinning.security import as_system

    event = make_event(people)
    with api.env.adopt_user(username="teacher-ana"):
        register(event, "teacher-ana")
    with api.env.adopt_user(username="validator-es"):
        mark(event, {"completed": ["teacher-ana"]})
    code = certificate_code(event, "teacher-ana")
    with api.env.adopt_roles(["Anonymous"]):
        assert verify(code)["event_url"] == event.absolute_url()  # published: public
    with as_system("validator-es"):
        api.content.transition(obj=event, transition="retract")
    with api.env.adopt_roles(["Anonymous"]):
        found = verify(code)
    assert found["valid"] is True and found["event"] == "Project-based learning"
    assert found["event_url"] is None
    from collective.twinning.learning.certificates import certificates_of

    with api.env.adopt_user(username="teacher-ana"):  # her list keeps it, without the event's address
        (mine,) = certificates_of("teacher-ana")
    assert (mine["code"], mine["event_url"], mine["pdf_url"]) == (code, None, None)
    with api.env.adopt_user(username="validator-es"):  # the organiser still sees it
        assert verify(code)["event_url"] == event.absolute_url()
