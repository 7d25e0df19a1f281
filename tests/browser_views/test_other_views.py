"""Group page, search pages, dashboard, my space, contact and label evaluation; Spanish."""

from collective.twinning.labels.evaluation import evaluation_of
from collective.twinning.membership.roster import GroupRoster
from collective.twinning.teachers.requests import is_pending
from collective.twinning.teachers.requests import record_request
from plone import api
from tests.browser_views.conftest import FOUNDER
from tests.browser_views.conftest import MEMBER
from tests.browser_views.conftest import OUTSIDER
from tests.browser_views.conftest import PARTNER
from tests.browser_views.conftest import VALIDATOR_ES
from tests.browser_views.conftest import VALIDATOR_IT
from tests.helpers import create_account
from tests.helpers import GOOD_SCORES
from tests.helpers import make_label
from tests.helpers import submit_label
from zExceptions import Unauthorized

import pytest


# Group page: the join/leave area follows the access mode ---------------------------


@pytest.mark.parametrize(
    "access,userid,status",
    [
        ("open", OUTSIDER, "can_join"),
        ("open", MEMBER, "can_join"),
        ("etwinners", MEMBER, "refused"),
        ("invitation", OUTSIDER, "not_invited"),
        ("open", FOUNDER, "founder"),
        ("open", None, "anonymous"),
    ],
)
def test_group_membership_area(group_in, render, access, userid, status):
    html = render(group_in(access), "view", userid)
    assert f'data-status="{status}"' in html
    assert ('id="join-button"' in html) is (status == "can_join")


def test_group_join_and_leave(group_in, render, status_messages):
    group = group_in("open")
    assert render(group, "group-join", OUTSIDER, post=True) == group.absolute_url()
    assert GroupRoster(group).role_of(OUTSIDER) == "GroupMember"
    assert status_messages() == ["Welcome to the group!"]
    html = render(group, "view", OUTSIDER)
    assert 'id="leave-button"' in html and 'id="members-table"' in html
    render(group, "group-leave", OUTSIDER, post=True)
    assert OUTSIDER not in GroupRoster(group)


def test_group_join_refused_inline(group_in, render):
    group = group_in("invitation")
    html = render(group, "group-join", OUTSIDER, post=True)
    assert 'id="form-error"' in html and "by invitation only" in html
    assert OUTSIDER not in GroupRoster(group)


def test_group_join_needs_an_active_group(group_in, render):
    with pytest.raises(Unauthorized):
        render(group_in("open", state="pending"), "group-join", OUTSIDER, post=True)


# Search pages ----------------------------------------------------------------------


def test_project_search_page_facets_and_results(space_in, render, portal):
    space_in("running", id_="visible")
    space_in("draft", id_="hidden")
    html = render(portal, "project-search-page", None, {"q": "", "country": ["ES", ""]})
    assert 'id="result-list"' in html and 'id="facet-country"' in html
    assert 'href="http://' in html and "/projects/visible" in html
    assert "/projects/hidden" not in html
    assert 'data-total="1"' in html
    assert 'value="ES"' in html and 'checked="checked"' in html
    assert "Most recent" in html


def test_search_page_shows_a_refused_parameter(render, portal):
    html = render(portal, "project-search-page", None, {"country": "XX"})
    assert 'id="search-error"' in html and "country: unknown value 'XX'." in html


def test_search_page_batches(space_in, render, portal):
    for index in range(3):
        space_in("running", id_=f"space-{index}")
    html = render(portal, "project-search-page", None, {"b_size": "2"})
    assert "batch-next" in html and 'data-total="3"' in html
    # Numbered pages, the current one marked (issue 22: not only "Next").
    assert 'aria-current="page" data-page="1"' in html and 'data-page="2"' in html
    second = render(portal, "project-search-page", None, {"b_size": "2", "b_start": "2"})
    assert "batch-previous" in second and "batch-next" not in second


@pytest.mark.parametrize(
    "userid,allowed",
    [(OUTSIDER, True), (MEMBER, True), (None, False)],
)
def test_people_search_page_permission(world, render, userid, allowed):
    if allowed:
        assert 'id="search-form"' in render(world, "people-search-page", userid)
    else:
        with pytest.raises(Unauthorized):
            render(world, "people-search-page", userid)


def test_contact_button_for_teachers_only(space_in, render, portal):
    space_in("running")
    assert 'class="contact-button' in render(portal, "project-search-page", OUTSIDER)
    assert 'class="contact-button' not in render(portal, "project-search-page", MEMBER)


@pytest.mark.parametrize("name", ["partner-search-page", "organisation-search-page"])
def test_public_search_pages(world, render, name):
    assert 'id="result-list"' in render(world, name, None)


# Contact form ----------------------------------------------------------------------


def test_contact_form_sends_and_keeps_input_on_errors(space_in, render, mailhost, status_messages):
    space = space_in("running")
    mailhost.reset()  # the mails of making the space
    html = render(
        space, "contact-form", OUTSIDER, {"form.submitted": "1", "subject": "Hello", "message": ""}, post=True
    )
    assert 'id="error-message"' in html and 'value="Hello"' in html
    assert len(mailhost.messages) == 0
    url = render(
        space,
        "contact-form",
        OUTSIDER,
        {"form.submitted": "1", "subject": "Hello", "message": "Shall we work together?"},
        post=True,
    )
    assert url == space.absolute_url()
    assert len(mailhost.messages) == 2
    assert status_messages() == ["Your message was sent (2 recipients)."]


def test_contact_form_refused_to_non_teachers(space_in, render):
    with pytest.raises(Unauthorized):
        render(space_in("running"), "contact-form", MEMBER)


# Dashboard and label evaluation ----------------------------------------------------


@pytest.fixture
def submitted_label(space_in):
    space = space_in("running")
    return submit_label(make_label(space, FOUNDER))


@pytest.mark.parametrize("userid,allowed", [(VALIDATOR_ES, True), (FOUNDER, False), (None, False)])
def test_dashboard_permission(world, render, userid, allowed):
    if allowed:
        assert 'id="dashboard-stats"' in render(world, "twinning-dashboard", userid)
    else:
        with pytest.raises(Unauthorized):
            render(world, "twinning-dashboard", userid)


def test_dashboard_lists_what_the_validator_decides(space_in, submitted_label, render, world):
    create_account("new-teacher-es", "ES")
    record_request("new-teacher-es")
    create_account("new-teacher-it", "IT")
    record_request("new-teacher-it")
    space_in("pending", id_="pending")
    html = render(world, "twinning-dashboard", VALIDATOR_ES)
    assert 'data-user="new-teacher-es"' in html and 'data-user="new-teacher-it"' not in html
    assert 'data-project="pending"' in html
    assert f'data-label="{submitted_label.getId()}"' in html and 'data-test="label-score-form"' in html
    assert '<svg id="chart-projects"' in html and 'data-label="Running"' in html
    # The Italian validator does not decide a Spanish teacher's national label.
    html = render(world, "twinning-dashboard", VALIDATOR_IT)
    assert f'data-label="{submitted_label.getId()}"' not in html and 'data-user="new-teacher-it"' in html


def test_dashboard_approves_a_teacher(world, render, status_messages):
    create_account("new-teacher-es", "ES")
    record_request("new-teacher-es")
    url = render(
        world,
        "teacher-request-decide",
        VALIDATOR_ES,
        {"user": "new-teacher-es", "decision": "approve"},
        post=True,
    )
    assert url.endswith("/@@twinning-dashboard")
    assert not is_pending("new-teacher-es")
    assert "Teacher" in api.user.get_roles(username="new-teacher-es")
    html = render(
        world,
        "teacher-request-decide",
        VALIDATOR_ES,
        {"user": "new-teacher-es", "decision": "approve"},
        post=True,
    )
    assert "This account is not waiting for validation." in html


def test_label_evaluation_errors_inline_then_award(submitted_label, render, status_messages):
    label = submitted_label
    form = {
        "form.submitted": "1",
        "comment": "Good work.",
        "decision": "award",
        **{f"scores.{name}": str(score) for name, score in GOOD_SCORES.items()},
    }
    form["scores.collaboration"] = "11"
    html = render(label, "label-evaluation", VALIDATOR_ES, form, post=True)
    assert 'id="error-scores.collaboration"' in html and "A whole number from 0 to 10." in html
    assert 'value="11"' in html and "Good work." in html
    assert evaluation_of(label) is None
    form["scores.collaboration"] = "9"
    assert render(label, "label-evaluation", VALIDATOR_ES, form, post=True) == label.absolute_url()
    assert api.content.get_state(obj=label) == "awarded"
    assert status_messages() == ["The Quality Label was awarded."]


def test_label_evaluation_refused_to_other_validators(submitted_label, render):
    form = {"form.submitted": "1", "comment": "x", **{f"scores.{n}": "7" for n in GOOD_SCORES}}
    html = render(submitted_label, "label-evaluation", VALIDATOR_IT, form, post=True)
    assert 'id="form-error"' in html and "Only a national validator" in html
    assert api.content.get_state(obj=submitted_label) == "submitted"


# My space --------------------------------------------------------------------------


def test_my_space_lists_my_things(space_in, group_in, submitted_label, render, world):
    space_in("draft", id_="my-draft")
    group_in("open")
    html = render(world, "my-space", FOUNDER)
    assert 'data-state="running"' in html and 'data-state="draft"' in html
    assert 'id="my-groups"' in html and 'data-id="group"' in html
    assert f'data-id="{submitted_label.getId()}"' in html
    assert 'id="new-project"' in html
    assert 'data-id="my-draft"' in render(world, "my-space", PARTNER)
    assert 'data-id="my-draft"' not in render(world, "my-space", OUTSIDER)


def test_my_space_asks_anonymous_to_log_in(world, render):
    with pytest.raises(Unauthorized):
        render(world, "my-space", None)


# Spanish ---------------------------------------------------------------------------


def test_pages_in_spanish(space_in, render, world, spanish):
    space = space_in("pending")
    html = render(space, "view", PARTNER)
    for text in (
        "Materiales",
        "Miembros",
        "Movilidades",
        "Sellos de Calidad",
        "Validación",
        "Cofundador",
        "Aprobar",
        "Servicio nacional: España",
    ):
        assert text in html, text
    html = render(space, "twinning-decide", VALIDATOR_ES, {"decision": "reject", "comment": ""}, post=True)
    assert "Explica por qué lo rechazas" in html
    html = render(world, "project-search-page", None)
    assert "Buscar proyectos" in html and "Más recientes" in html


def test_group_invitation_form(group_in, render):
    group = group_in("invitation")
    assert 'id="invite-form"' in render(group, "view", FOUNDER)
    render(group, "group-invite", FOUNDER, {"invite_user": OUTSIDER}, post=True)
    assert GroupRoster(group).is_invited(OUTSIDER)
    html = render(group, "group-invite", FOUNDER, {"invite_user": OUTSIDER}, post=True)
    assert 'id="error-invite_user"' in html and "is already invited" in html
    assert 'data-status="can_join"' in render(group, "view", OUTSIDER)


def test_search_page_ignores_the_csrf_token_of_a_logged_in_form(space_in, render, portal):
    space_in("running")
    html = render(portal, "project-search-page", OUTSIDER, {"_authenticator": "abc", "country": "ES"})
    assert 'id="search-error"' not in html and 'data-total="1"' in html
