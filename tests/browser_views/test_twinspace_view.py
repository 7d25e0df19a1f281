"""The TwinSpace page and its forms: who sees what, actions succeed or fail inline."""

from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.membership.roster import Roster
from plone import api
from tests.browser_views.conftest import FOUNDER
from tests.browser_views.conftest import MEMBER
from tests.browser_views.conftest import OUTSIDER
from tests.browser_views.conftest import PARTNER
from tests.browser_views.conftest import VALIDATOR_ES
from tests.browser_views.conftest import VALIDATOR_IT
from tests.helpers import make_label
from tests.helpers import make_mobility
from zExceptions import Unauthorized

import pytest


@pytest.mark.parametrize(
    "state,userid,sees",
    [
        ("draft", FOUNDER, True),
        ("draft", VALIDATOR_ES, True),
        ("draft", OUTSIDER, False),
        ("draft", None, False),
        ("running", OUTSIDER, True),
        ("running", None, True),
    ],
)
def test_view_by_state_and_user(space_in, render, state, userid, sees):
    space = space_in(state)
    if sees:
        assert 'id="twinspace-header"' in render(space, "view", userid)
    else:
        with pytest.raises(Unauthorized):
            render(space, "view", userid)


@pytest.mark.parametrize(
    "userid,members,manage,validation",
    [
        (FOUNDER, True, True, True),
        (VALIDATOR_ES, False, False, True),
        (OUTSIDER, False, False, False),
        (None, False, False, False),
    ],
)
def test_panels_follow_permissions(space_in, render, userid, members, manage, validation):
    html = render(space_in("running"), "view", userid)
    assert ('id="members-table"' in html) is members
    assert ('id="add-member-form"' in html) is manage
    assert ('id="validation-panel"' in html) is validation
    # The members-only fields never reach an outsider.
    assert ('id="add-page"' in html) is (userid == FOUNDER)


def test_next_action_lists_the_users_transitions(space_in, render):
    draft = space_in("draft")
    html = render(draft, "view", FOUNDER)
    assert 'data-test="transition-submit"' in html
    assert 'data-test="transition-submit"' not in render(draft, "view", VALIDATOR_ES)
    pending = space_in("pending", id_="pending")
    # validate/reject are the checklist's: never offered as buttons
    html = render(pending, "view", "admin" if False else FOUNDER)
    assert "transition-validate" not in html


def test_submit_through_the_transition_form(space_in, render, status_messages):
    space = space_in("draft")
    url = render(space, "twinning-transition", FOUNDER, {"transition": "submit"}, post=True)
    assert url == space.absolute_url()
    assert api.content.get_state(obj=space) == "pending"
    assert status_messages() == ["Done: Submit for validation."]


def test_a_transition_the_user_may_not_fire_is_refused_inline(space_in, render):
    space = space_in("draft")
    html = render(space, "twinning-transition", FOUNDER, {"transition": "start"}, post=True)
    assert 'id="form-error"' in html and "This step is not possible now." in html
    assert api.content.get_state(obj=space) == "draft"


def test_forms_need_post_and_a_token(space_in, render, portal):
    from plone.protect.interfaces import IDisableCSRFProtection  # noqa: F401
    from zExceptions import BadRequest

    space = space_in("draft")
    with pytest.raises(BadRequest):
        render(space, "twinning-transition", FOUNDER, {"transition": "submit"})
    from tests.browser_views.conftest import prepare

    prepare(portal.REQUEST, {"transition": "submit"}, "POST")
    with api.env.adopt_user(username=FOUNDER), pytest.raises(Exception) as error:
        space.restrictedTraverse("@@twinning-transition")()
    assert type(error.value).__name__ == "Forbidden"
    assert api.content.get_state(obj=space) == "draft"


def test_validation_panel_approve_and_reject(space_in, render, status_messages):
    space = space_in("pending")
    html = render(space, "view", VALIDATOR_ES)
    assert 'id="approve-button"' in html and 'data-slot="national:ES"' in html
    # an outsider validator of a third country has no buttons (no slot)
    assert (
        render(space, "twinning-decide", VALIDATOR_ES, {"decision": "approve"}, post=True)
        == space.absolute_url()
    )
    assert status_messages() == ["Your approval is recorded."]
    assert [item["decision"] for item in checklist(space)["required"]] == [None, "approve", None]
    # Rejecting without a comment: the error is next to the comment box, nothing changes.
    html = render(space, "twinning-decide", VALIDATOR_IT, {"decision": "reject", "comment": "  "}, post=True)
    assert 'id="error-comment"' in html and "Say why you reject it" in html
    assert api.content.get_state(obj=space) == "pending"
    render(
        space, "twinning-decide", VALIDATOR_IT, {"decision": "reject", "comment": "More detail."}, post=True
    )
    assert api.content.get_state(obj=space) == "draft"


def test_approve_button_only_for_who_decides(space_in, render):
    space = space_in("pending")
    assert 'id="approve-button"' in render(space, "view", PARTNER)
    assert 'id="approve-button"' not in render(space, "view", FOUNDER)


def test_add_member_succeeds_and_fails_inline_keeping_the_input(space_in, render, status_messages):
    space = space_in("running")
    url = render(
        space, "twinning-add-member", FOUNDER, {"user": OUTSIDER, "role": "TwinSpaceTeacher"}, post=True
    )
    assert url.endswith("?tab=members")
    assert Roster(space).role_of(OUTSIDER) == "TwinSpaceTeacher"
    assert status_messages() == [f"{OUTSIDER} was added."]
    html = render(
        space, "twinning-add-member", FOUNDER, {"user": MEMBER, "role": "TwinSpaceTeacher"}, post=True
    )
    assert 'id="error-user"' in html and "is not a validated teacher" in html
    assert f'value="{MEMBER}"' in html  # what was typed is still there
    assert (
        'class="tab-pane fade show active"' in html.split('id="panel-members"')[1][:400]
        or "show active" in html
    )
    html = render(
        space, "twinning-add-member", FOUNDER, {"user": "nobody-here", "role": "TwinSpaceTeacher"}, post=True
    )
    assert "There is no account" in html
    assert Roster(space).role_of(MEMBER) is None


def test_members_forms_refused_to_non_admins(space_in, render):
    space = space_in("running")
    with pytest.raises(Unauthorized):
        render(
            space, "twinning-add-member", OUTSIDER, {"user": MEMBER, "role": "TwinSpaceObserver"}, post=True
        )


def test_remove_member_and_founders_stay(space_in, render):
    space = space_in("running")
    Roster(space).set(OUTSIDER, "TwinSpaceTeacher")
    render(space, "twinning-remove-member", FOUNDER, {"user": OUTSIDER}, post=True)
    assert OUTSIDER not in Roster(space)
    html = render(space, "twinning-remove-member", FOUNDER, {"user": PARTNER}, post=True)
    assert 'id="form-error"' in html and "founded it and stays its admin" in html


def test_create_pupil_and_errors_by_field(space_in, render):
    space = space_in("running")
    html = render(
        space,
        "twinning-add-pupil",
        FOUNDER,
        {"username": "pupil-pablo", "fullname": "", "password": "a-long-password"},
        post=True,
    )
    assert 'id="error-fullname"' in html and "This field is required." in html
    assert 'value="pupil-pablo"' in html
    assert api.user.get(userid="pupil-pablo") is None
    render(
        space,
        "twinning-add-pupil",
        FOUNDER,
        {"username": "pupil-pablo", "fullname": "Pablo Ruiz", "password": "a-long-password"},
        post=True,
    )
    assert Roster(space).role_of("pupil-pablo") == "TwinSpacePupil"
    html = render(
        space,
        "twinning-add-pupil",
        FOUNDER,
        {"username": "pupil-pablo", "fullname": "Pablo", "password": "a-long-password"},
        post=True,
    )
    assert 'id="error-username"' in html


def test_tabs_show_materials_mobilities_and_labels(space_in, render, portal):
    space = space_in("running")
    with api.env.adopt_user(username=FOUNDER):
        api.content.create(container=space, type="Page", id="welcome", title="Welcome")
        api.content.create(container=space["welcome"], type="Page", id="sub", title="Subpage")
        api.content.create(
            container=space,
            type="Material",
            id="video",
            title="Our video",
            embed_url="https://www.youtube.com/watch?v=abc123",
            copyright_confirmed=True,
        )
    make_mobility(space, FOUNDER)
    make_label(space, FOUNDER)
    html = render(space, "view", FOUNDER)
    assert 'class="nav-page"' in html and "Subpage" in html
    assert 'src="https://www.youtube-nocookie.com/embed/abc123"' in html
    assert 'data-mobility="mobility"' in html and "Job shadowing" in html
    assert 'data-label="national-founder-ana"' in html


def test_pupil_sees_first_names_only(space_in, render):
    space = space_in("running")
    render(
        space,
        "twinning-add-pupil",
        FOUNDER,
        {"username": "pupil-pablo", "fullname": "Pablo Ruiz", "password": "a-long-password"},
        post=True,
    )
    html = render(space, "view", "pupil-pablo", {"tab": "members"})
    assert "Founder Ana" not in html and ">Founder<" in html


@pytest.mark.parametrize(
    "came_from,back",
    [("{portal}/@@my-space", "{portal}/@@my-space"), ("https://elsewhere.example.org/", "{space}")],
)
def test_came_from_only_within_the_site(space_in, render, portal, came_from, back):
    space = space_in("draft")
    names = {"portal": portal.absolute_url(), "space": space.absolute_url()}
    url = render(
        space,
        "twinning-transition",
        FOUNDER,
        {"transition": "submit", "came_from": came_from.format(**names)},
        post=True,
    )
    assert url == back.format(**names)
