"""Learning events in the Classic UI: the list, an event's page and its forms, the certificate
check, My space; role x action tables through the forms, errors shown next to the forms."""

from collective.twinning.learning.attendance import certificate_code
from collective.twinning.learning.registrations import registered_ids
from collective.twinning.learning.registrations import waiting_ids
from collective.twinning.security import as_system
from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import PASSWORD
from zExceptions import Forbidden
from zExceptions import NotFound
from zExceptions import Unauthorized

import pytest
import re
import requests
import transaction


TODAY = date.today()
ANA, JON = "teacher-ana", "teacher-jon"
VALIDATOR_ES, VALIDATOR_IT, EUROPEAN, PUPIL = "validator-es", "validator-it", "central-eva", "pupil-gala"
PEOPLE = (ANA, JON, VALIDATOR_ES, VALIDATOR_IT, EUROPEAN, PUPIL)


def people():
    create_teacher(ANA, "ES").setMemberProperties({"fullname": "Ana Vidal"})
    create_teacher(JON, "ES").setMemberProperties({"fullname": "Jon Aranda"})
    create_validator(VALIDATOR_ES, "ES")
    create_validator(VALIDATOR_IT, "IT")
    create_account(EUROPEAN, "BE", roles=["EuropeanValidator"])
    create_pupil_account(PUPIL)


def make_event(
    portal,
    id_="seminar",
    title="Project-based learning",
    capacity=1,
    state="published",
    starts_in=timedelta(hours=-1),
    opens_in=-5,
    closes_in=5,
):
    start = datetime.now(UTC) + starts_in
    with api.env.adopt_user(username=VALIDATOR_ES):
        event = api.content.create(
            container=portal["learning"],
            type="LearningEvent",
            id=id_,
            safe_id=False,
            title=title,
            kind="online_seminar",
            capacity=capacity,
            hours=6,
            language="en",
            country="ES",
            registration_opens=TODAY + timedelta(days=opens_in),
            registration_closes=TODAY + timedelta(days=closes_in),
            start=start,
            end=start + timedelta(days=1),
        )
    if state == "published":
        with as_system(VALIDATOR_ES):
            api.content.transition(obj=event, transition="publish")
    return event


@pytest.fixture
def event(portal):
    people()
    return make_event(portal)


def submitted(html) -> bool:
    """A handler redirected (a URL), not re-rendered the page with an error."""
    return html.startswith("http://")


# Role x action through the forms ----------------------------------------------------

# (role, action) -> allowed; the others are refused by the view's permission (Unauthorized).
ACTIONS = {
    "register": {ANA: True, VALIDATOR_ES: False, VALIDATOR_IT: False, PUPIL: False, None: False},
    "unregister": {ANA: True, VALIDATOR_ES: False, VALIDATOR_IT: False, PUPIL: False, None: False},
    "attendance": {
        ANA: False,
        VALIDATOR_ES: True,
        EUROPEAN: True,
        VALIDATOR_IT: False,
        PUPIL: False,
        None: False,
    },
}
TABLE = [(action, userid, allowed) for action, row in ACTIONS.items() for userid, allowed in row.items()]


@pytest.mark.parametrize("action,userid,allowed", TABLE)
def test_forms_by_role(event, render, action, userid, allowed):
    if action != "register":
        render(event, "learning-register", ANA, post=True)
    form = {"completed:list": [ANA], "shown:list": [ANA], "completed": [ANA], "shown": [ANA]}
    if not allowed:
        with pytest.raises(Unauthorized):
            render(event, f"learning-{action}", userid, form, post=True)
        assert registered_ids(event) == ([] if action == "register" else [ANA])
        assert certificate_code(event, ANA) is None
        return
    assert render(event, f"learning-{action}", userid, form, post=True) == event.absolute_url()
    expected = {"register": [ANA], "unregister": [], "attendance": [ANA]}[action]
    assert registered_ids(event) == expected
    assert (certificate_code(event, ANA) is not None) is (action == "attendance")


@pytest.mark.parametrize(
    "userid,link,answer",
    [
        (ANA, True, "pdf"),
        (JON, False, NotFound),
        (VALIDATOR_ES, False, NotFound),
        (VALIDATOR_IT, False, NotFound),
        (PUPIL, False, NotFound),
        (None, False, Unauthorized),
    ],
)
def test_download_by_role(event, render, portal, userid, link, answer):
    """Only the teacher who completed sees the link; the certificate is only theirs."""
    render(event, "learning-register", ANA, post=True)
    render(event, "learning-register", JON, post=True)
    render(event, "learning-attendance", VALIDATOR_ES, {"completed": [ANA], "shown": [ANA]}, post=True)
    assert ('id="certificate-download"' in render(event, "view", userid)) is link
    portal.REQUEST.environ["HTTP_ACCEPT"] = "application/pdf"
    if answer == "pdf":
        assert render(event, "@certificate", userid).startswith(b"%PDF")
    else:
        with pytest.raises(answer):
            render(event, "@certificate", userid)


@pytest.mark.parametrize(
    "userid,status,register_button,attendance",
    [
        (ANA, "none", True, False),
        (PUPIL, "none", False, False),
        (VALIDATOR_IT, "none", False, False),
        (VALIDATOR_ES, "none", False, True),
        (EUROPEAN, "none", False, True),
        (None, "anonymous", False, False),
    ],
)
def test_event_page_by_role(event, render, userid, status, register_button, attendance):
    html = render(event, "view", userid)
    assert f'data-status="{status}"' in html
    assert 'id="event-details"' in html and "Online seminar" in html and 'id="event-hours">6<' in html
    assert ('id="register-button"' in html) is register_button
    assert ('id="attendance"' in html) is attendance
    assert ('id="login-to-register"' in html) is (userid is None)
    assert ('id="registration-for-teachers"' in html) is (userid not in (ANA, None))


def test_register_waiting_list_and_unregister(event, render, status_messages):
    assert submitted(render(event, "learning-register", ANA, post=True))
    assert status_messages() == ["You are registered."]
    assert submitted(render(event, "learning-register", JON, post=True))
    assert status_messages()[-1] == "The event is full: you are on the waiting list at position 1."
    html = render(event, "view", JON)
    assert 'data-status="waiting"' in html and "waiting list at position 1" in html
    assert 'id="unregister-button"' in html and 'id="register-button"' not in html
    assert 'data-seats-left="0"' in html and 'data-waiting="1"' in html
    html = render(event, "view", ANA)
    assert 'data-status="registered"' in html and "You are registered." in html
    organiser = render(event, "view", VALIDATOR_ES)
    assert 'id="waiting-list"' in organiser and f'data-user="{JON}"' in organiser
    assert f'data-user="{ANA}"' in organiser and "Ana Vidal" in organiser
    listing = render(api.portal.get(), "learning-events", JON)
    assert 'data-seats-left="0"' in listing and 'data-waiting="1"' in listing
    # Ana gives her seat back: Jon, first waiting, takes it.
    assert submitted(render(event, "learning-unregister", ANA, post=True))
    assert status_messages()[-1] == "Your registration is withdrawn."
    assert registered_ids(event) == [JON] and waiting_ids(event) == []
    assert 'data-status="registered"' in render(event, "view", JON)


def test_the_full_note_before_registering(event, render):
    render(event, "learning-register", ANA, post=True)
    html = render(event, "view", JON)
    assert 'id="register-waiting-note"' in html and 'id="register-button"' in html


def test_attendance_then_certificate_and_my_space(event, render, portal):
    render(event, "learning-register", ANA, post=True)
    render(event, "learning-register", JON, post=True)
    form = {"completed": [ANA], "shown": [ANA]}
    assert submitted(render(event, "learning-attendance", VALIDATOR_ES, form, post=True))
    code = certificate_code(event, ANA)
    assert code is not None
    html = render(event, "view", ANA)
    assert 'data-status="completed"' in html and 'id="certificate-download"' in html
    assert f"{event.absolute_url()}/@certificate" in html and 'id="unregister-button"' not in html
    assert 'id="certificate-download"' not in render(event, "view", JON)
    organiser = render(event, "view", VALIDATOR_ES)
    assert f'data-user="{ANA}" data-completed="true"' in organiser
    mine = render(portal, "my-space", ANA)
    section = mine[mine.index('id="myspace-learning"') :]
    assert f'data-code="{code}"' in section and "Project-based learning" in section
    assert f"{event.absolute_url()}/@certificate" in section
    # Un-ticking withdraws the certificate.
    assert submitted(render(event, "learning-attendance", VALIDATOR_ES, {"shown": [ANA]}, post=True))
    assert certificate_code(event, ANA) is None


def test_my_space_upcoming_events_with_waiting_position(portal, render):
    people()
    first = make_event(portal, "first", "First", starts_in=timedelta(days=3))
    make_event(portal, "second", "Second", starts_in=timedelta(days=6))
    render(first, "learning-register", ANA, post=True)
    render(first, "learning-register", JON, post=True)
    render(portal["learning"]["second"], "learning-register", JON, post=True)
    html = render(portal, "my-space", JON)
    section = html[html.index('id="myspace-learning"') :]
    assert section.index('data-id="first" data-status="waiting"') < section.index(
        'data-id="second" data-status="registered"'
    )
    assert "Waiting list: position 1" in section
    assert "No certificates yet." in section
    assert 'data-id="first" data-status="registered"' in render(portal, "my-space", ANA)
    # Pupils see no learning section.
    assert 'id="myspace-learning"' not in render(portal, "my-space", PUPIL)


# Bad input: a message next to the form, never a 500 ----------------------------------


def test_attendance_of_an_unknown_user_is_shown_next_to_the_form(event, render):
    render(event, "learning-register", ANA, post=True)
    html = render(event, "learning-attendance", VALIDATOR_ES, {"completed": ["nobody-here"]}, post=True)
    assert 'id="error-completed"' in html and "Not registered for this event: nobody-here." in html
    assert certificate_code(event, ANA) is None


def test_attendance_before_the_start_is_refused_inline(portal, render):
    people()
    later = make_event(portal, starts_in=timedelta(days=2))
    render(later, "learning-register", ANA, post=True)
    page = render(later, "view", VALIDATOR_ES)
    assert 'id="attendance-not-started"' in page and 'id="attendance-button"' not in page
    html = render(later, "learning-attendance", VALIDATOR_ES, {"completed": [ANA]}, post=True)
    assert 'id="error-completed"' in html and "once the event has started" in html
    assert certificate_code(later, ANA) is None


def test_registration_outside_its_window(portal, render):
    people()
    closed = make_event(portal, opens_in=3, closes_in=9, starts_in=timedelta(days=10))
    html = render(closed, "view", ANA)
    assert 'id="registration-closed"' in html and 'id="register-button"' not in html
    html = render(closed, "learning-register", ANA, post=True)
    assert 'id="form-error"' in html and "Registration is open from" in html
    assert registered_ids(closed) == []


def test_unregister_when_not_registered(event, render):
    html = render(event, "learning-unregister", ANA, post=True)
    assert 'id="form-error"' in html and "You are not registered for this event." in html


def test_forms_need_the_token_and_post(event, render, portal):
    from collective.twinning.errors import FieldError

    with api.env.adopt_user(username=ANA), pytest.raises(Forbidden):
        from tests.browser_views.conftest import prepare

        prepare(portal.REQUEST, {}, "POST")
        event.restrictedTraverse("@@learning-register")()
    with pytest.raises(FieldError):
        render(event, "learning-register", ANA)  # GET
    assert registered_ids(event) == []


# The list -----------------------------------------------------------------------------


def test_events_page_upcoming_soonest_first_past_apart(portal, render):
    people()
    make_event(portal, "later", "Later seminar", starts_in=timedelta(days=20))
    make_event(portal, "sooner", "Sooner seminar", starts_in=timedelta(days=2))
    make_event(portal, "over", "Seminar that is over", starts_in=timedelta(days=-10))
    make_event(portal, "prepared", "Prepared seminar", state="draft", starts_in=timedelta(days=4))
    html = render(portal, "learning-events", ANA)
    upcoming = html[html.index('id="upcoming-events"') : html.index('id="past-events"')]
    assert upcoming.index('data-event="sooner"') < upcoming.index('data-event="later"')
    assert 'data-event="over"' not in upcoming and 'data-event="over"' in html
    assert "Prepared seminar" not in html and 'id="add-learning-event"' not in html
    assert "English" in upcoming and "Online seminar" in upcoming and 'data-seats-left="1"' in upcoming
    organiser = render(portal, "learning-events", VALIDATOR_ES)
    assert 'data-event="prepared" data-kind="online_seminar" data-state="draft"' in organiser
    assert f'href="{portal.absolute_url()}/learning/++add++LearningEvent"' in organiser
    # Validators of another country organise their own country's events: the add link, not Spain's draft.
    for userid in (EUROPEAN, VALIDATOR_IT):
        assert 'id="add-learning-event"' in render(portal, "learning-events", userid)
    assert "Prepared seminar" in render(portal, "learning-events", EUROPEAN)
    for userid in (VALIDATOR_IT, PUPIL, None):
        page = render(portal, "learning-events", userid)
        assert "Prepared seminar" not in page
        assert ('id="add-learning-event"' in page) is (userid == VALIDATOR_IT)


# Verify a certificate -------------------------------------------------------------------


def test_verify_certificate_page(event, render, portal):
    render(event, "learning-register", ANA, post=True)
    render(event, "learning-attendance", VALIDATOR_ES, {"completed": [ANA]}, post=True)
    code = certificate_code(event, ANA)
    html = render(portal, "@verify-certificate", None, {"code": code.lower().replace("-", "")})
    assert 'data-valid="true"' in html and "Ana Vidal" in html and "Project-based learning" in html
    assert f'id="verify-code-value">{code}<' in html and 'id="verify-hours">6<' in html
    for wrong in ("AAAA-BBBB-CCCC", "short", "x" * 300):
        html = render(portal, "@verify-certificate", None, {"code": wrong})
        assert 'data-valid="false"' in html and "No valid certificate has this code." in html
    html = render(portal, "@verify-certificate", None)
    assert 'id="verify-certificate-form"' in html and 'id="verify-result"' not in html


# Through the publisher: the token, the printed address, the PDF, the add form ---------------


def test_over_http(functional_portal):
    people()
    event = make_event(functional_portal)
    transaction.commit()
    url = event.absolute_url()
    ana = requests.Session()
    ana.auth = (ANA, PASSWORD)
    page = ana.get(url, timeout=60)
    assert page.status_code == 200 and 'id="register-form"' in page.text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    refused = ana.post(f"{url}/@@learning-register", timeout=60)
    assert refused.status_code == 403
    done = ana.post(
        f"{url}/@@learning-register", data={"_authenticator": token}, allow_redirects=False, timeout=60
    )
    assert done.status_code == 302 and done.headers["Location"] == url
    validator = requests.Session()
    validator.auth = (VALIDATOR_ES, PASSWORD)
    page = validator.get(url, timeout=60)
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    marked = validator.post(
        f"{url}/@@learning-attendance",
        data={"_authenticator": token, "completed:list": ANA, "shown:list": ANA},
        allow_redirects=False,
        timeout=60,
    )
    assert marked.status_code == 302
    # The link on the page gives the PDF.
    page = ana.get(url, timeout=60)
    link = re.search(
        r'id="certificate-download"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*id="certificate-download"',
        page.text,
    )
    pdf = ana.get(link.group(1) or link.group(2), headers={"Accept": "text/html,*/*;q=0.8"}, timeout=60)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    transaction.begin()
    code = certificate_code(event, ANA)
    # The address printed on the certificate: HTML for browsers, JSON for REST clients.
    printed = f"{functional_portal.absolute_url()}/@verify-certificate/{code}"
    html = requests.get(printed, headers={"Accept": "text/html"}, timeout=60)
    assert html.status_code == 200 and 'data-valid="true"' in html.text and "Ana Vidal" in html.text
    data = requests.get(printed, headers={"Accept": "application/json"}, timeout=60)
    assert data.json()["valid"] is True and data.json()["name"] == "Ana Vidal"
    # The /learning folder links to the events page.
    folder = requests.get(f"{functional_portal.absolute_url()}/learning", timeout=60)
    assert 'id="learning-events-link"' in folder.text
    projects = requests.get(f"{functional_portal.absolute_url()}/projects", timeout=60)
    assert 'id="learning-events-link"' not in projects.text


def test_plone_add_form_makes_an_event(functional_portal):
    people()
    transaction.commit()
    add = f"{functional_portal.absolute_url()}/learning/++add++LearningEvent"
    session = requests.Session()
    session.auth = (VALIDATOR_ES, PASSWORD)
    page = session.get(add, timeout=60)
    assert page.status_code == 200 and "form.widgets.capacity" in page.text
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text).group(1)
    start = (TODAY + timedelta(days=10)).isoformat()
    answer = session.post(
        add,
        data={
            "_authenticator": token,
            "form.widgets.IBasic.title": "Inclusion in eTwinning projects",
            "form.widgets.kind:list": "mooc",
            "form.widgets.capacity": "30",
            "form.widgets.hours": "4",
            "form.widgets.language:list": "es",
            "form.widgets.country:list": "ES",
            "form.widgets.registration_opens": TODAY.isoformat(),
            "form.widgets.registration_closes": start,
            "form.widgets.IEventBasic.start": f"{start}T10:00",
            "form.widgets.IEventBasic.end": f"{start}T12:00",
            "form.buttons.save": "Save",
        },
        allow_redirects=False,
        timeout=60,
    )
    assert answer.status_code == 302, re.findall(r'class="invalid-feedback[^"]*">([^<]*)', answer.text)
    transaction.begin()
    created = functional_portal["learning"]["inclusion-in-etwinning-projects"]
    assert (created.kind, created.capacity, created.hours, created.country) == ("mooc", 30, 4, "ES")
    assert session.get(created.absolute_url(), timeout=60).status_code == 200


def test_event_pages_in_spanish(event, render, portal, spanish):
    html = render(event, "view", ANA)
    assert "Inscribirme" in html and "Detalles" in html and "Plazas libres" in html
    render(event, "learning-register", ANA, post=True)
    assert "Estás inscrito." in render(event, "view", ANA)
    assert "Verificar un certificado" in render(portal, "@verify-certificate", None)
    assert "Próximos eventos" in render(portal, "learning-events", None)
