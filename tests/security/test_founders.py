"""Findings 4 and 5: a project's founders, and so its countries, are frozen from ``pending`` on.

Only the founder who created the project names its partner founder (``cofounder``), and only
while the project is a draft; the partner founder and promoted admins never do. Outside draft
the founders retract the project (pending -> draft: the validators decide again) or ask an
administrator, whose change holds at once (while pending the checklist starts again).
"""

from collective.twinning.audit import entries
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.lifecycle.checklist import decide
from collective.twinning.membership.roster import Roster
from plone import api
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_space
from tests.helpers import PASSWORD
from tests.security.conftest import DENIED

import pytest
import re
import requests
import transaction


CREATOR, PARTNER, PROMOTED, OUTSIDER = "teacher-ana", "teacher-luca", "teacher-jon", "teacher-pia"


@pytest.fixture
def cast(functional_portal):
    create_teacher(CREATOR, "ES")
    create_teacher(PARTNER, "IT")
    create_teacher(PROMOTED, "ES")
    create_teacher(OUTSIDER, "FR")
    create_validator("validator-es", "ES")
    create_validator("validator-fr", "FR")
    transaction.commit()
    return functional_portal


@pytest.fixture
def space_in(cast):
    """The project of ana (ES) and luca (IT) in a state, jon promoted to TwinSpaceAdmin."""

    def factory(state: str):
        space = make_space(cast["projects"], CREATOR, PARTNER, state)
        Roster(space).set(PROMOTED, "TwinSpaceAdmin")
        transaction.commit()
        return space

    return factory


def stored(portal):
    transaction.begin()  # see what the server committed
    space = portal["projects"]["space"]
    return space.cofounder, space.countries, Roster(space).role_of(PARTNER)


# who PATCHes cofounder in which state (to the FR teacher, or to themself) -> the answer.
TABLE = [
    ("creator-draft", "draft", CREATOR, OUTSIDER, "allowed"),
    ("partner-draft", "draft", PARTNER, OUTSIDER, 400),
    ("promoted-admin-itself-draft", "draft", PROMOTED, PROMOTED, 400),  # finding 4
    ("creator-pending", "pending", CREATOR, OUTSIDER, DENIED),  # only administrators edit it
    ("creator-validated", "validated", CREATOR, OUTSIDER, 400),
    ("creator-running", "running", CREATOR, OUTSIDER, 400),  # finding 5
    ("partner-running", "running", PARTNER, OUTSIDER, 400),
    ("promoted-admin-itself-running", "running", PROMOTED, PROMOTED, 400),  # finding 4
    ("manager-draft", "draft", "manager", OUTSIDER, "allowed"),
    ("manager-pending", "pending", "manager", OUTSIDER, "allowed"),
    ("manager-running", "running", "manager", OUTSIDER, "allowed"),
    ("manager-concluded", "concluded", "manager", OUTSIDER, "allowed"),
]


@pytest.mark.parametrize(
    "state,who,cofounder,expected", [row[1:] for row in TABLE], ids=[row[0] for row in TABLE]
)
def test_who_changes_the_partner_founder(cast, space_in, session_for, state, who, cofounder, expected):
    space_in(state)

    response = session_for(who).patch("/projects/space", json={"cofounder": cofounder})

    if expected == "allowed":
        assert response.status_code == 204, response.text
        countries = ("ES", "FR")
        assert stored(cast) == (cofounder, countries, None)
        [change] = [e for e in entries(cast["projects"]["space"]) if e["what"] == "cofounder_changed"]
        assert (change["target"], change["previous_cofounder"]) == (cofounder, PARTNER)
    else:
        if expected == 400:
            assert response.status_code == 400, response.text
            assert response.json()["field"] == "cofounder"
        else:
            assert response.status_code in expected, response.text
        assert stored(cast) == (PARTNER, ("ES", "IT"), "TwinSpaceAdmin")


def test_outside_draft_the_message_says_what_to_do(cast, space_in, session_for):
    space_in("running")

    response = session_for(CREATOR).patch("/projects/space", json={"cofounder": OUTSIDER})

    assert "administrator" in response.json()["message"]


@pytest.mark.parametrize("body", [{"cofounder": None}, {"cofounder": ""}], ids=["null", "empty"])
def test_founder_cannot_drop_the_partner_of_a_running_project(cast, space_in, session_for, body):
    space_in("running")

    response = session_for(CREATOR).patch("/projects/space", json=body)

    assert response.status_code == 400, response.text
    assert response.json()["field"] == "cofounder"
    assert stored(cast) == (PARTNER, ("ES", "IT"), "TwinSpaceAdmin")


def test_founders_retract_change_and_submit_again(cast, space_in, session_for):
    """The way for the founders: back to draft (the decisions so far are void), then submit."""
    space = space_in("pending")
    with api.env.adopt_user(username=PARTNER):
        decide(space, PARTNER, "approve", "")
    transaction.commit()
    session = session_for(CREATOR)

    assert session.post("/projects/space/@workflow/retract").status_code == 200
    assert session.patch("/projects/space", json={"cofounder": OUTSIDER}).status_code == 204
    assert session.post("/projects/space/@workflow/submit").status_code == 200

    transaction.begin()
    space = cast["projects"]["space"]
    assert space.countries == ("ES", "FR")
    assert [item["decision"] for item in checklist(space)["required"]] == [None, None, None]


def test_administrator_change_while_pending_starts_the_checklist_again(cast, space_in, session_for):
    space = space_in("pending")
    with api.env.adopt_user(username=PARTNER):
        decide(space, PARTNER, "approve", "")
    with api.env.adopt_user(username="validator-es"):
        decide(space, "validator-es", "approve", "")
    transaction.commit()

    response = session_for("manager").patch("/projects/space", json={"cofounder": OUTSIDER})

    assert response.status_code == 204, response.text
    transaction.begin()
    space = cast["projects"]["space"]
    required = checklist(space)["required"]
    assert [(item.get("user") or item.get("country"), item["decision"]) for item in required] == [
        (OUTSIDER, None),
        ("ES", None),
        ("FR", None),
    ]


# Finding 10's other half: a founder's country changes (only an administrator may change it);
# a project past draft keeps its countries on the founders' edits.


def test_a_running_project_keeps_its_countries_when_a_founder_moves(cast, space_in, session_for):
    space_in("running")
    manager, founder = session_for("manager"), session_for(CREATOR)
    assert manager.patch(f"/@users/{PARTNER}", json={"country": "PT"}).status_code == 204

    assert founder.patch("/projects/space", json={"title": "Renamed by a founder"}).status_code == 204
    assert stored(cast)[1] == ("ES", "IT")

    # An administrator's edit takes the founders' countries as they are now.
    assert manager.patch("/projects/space", json={"title": "Renamed by an administrator"}).status_code == 204
    assert stored(cast)[1] == ("ES", "PT")


def test_a_draft_follows_its_founders_countries(cast, space_in, session_for):
    space_in("draft")
    assert session_for("manager").patch(f"/@users/{PARTNER}", json={"country": "PT"}).status_code == 204

    assert session_for(CREATOR).patch("/projects/space", json={"title": "Renamed"}).status_code == 204

    assert stored(cast)[1] == ("ES", "PT")


# The Classic UI edit form, through the publisher.


def post_edit_form(portal, userid: str, cofounder: str):
    session = requests.Session()
    session.auth = (userid, PASSWORD)
    url = f"{portal.absolute_url()}/projects/space/@@edit"
    page = session.get(url)
    assert page.status_code == 200, page.text
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text).group(1)
    return session.post(
        url,
        data={
            "_authenticator": token,
            "form.buttons.save": "Save",
            "form.widgets.IBasic.title": "Project space",
            "form.widgets.languages:list": "en",
            "form.widgets.languages-empty-marker": "1",
            "form.widgets.subjects:list": "art",
            "form.widgets.subjects-empty-marker": "1",
            "form.widgets.age_from": "8",
            "form.widgets.age_to": "10",
            "form.widgets.cofounder": cofounder,
        },
        allow_redirects=False,
    )


def test_edit_form_refuses_a_founder_change_of_a_running_project(cast, space_in):
    space_in("running")

    response = post_edit_form(cast, CREATOR, OUTSIDER)

    assert response.status_code == 200, response.text  # the form again, with the reason
    assert "administrator" in response.text
    assert stored(cast) == (PARTNER, ("ES", "IT"), "TwinSpaceAdmin")


def test_edit_form_lets_the_creator_name_a_partner_in_draft(cast, space_in):
    space_in("draft")

    response = post_edit_form(cast, CREATOR, OUTSIDER)

    assert response.status_code == 302, response.text
    assert stored(cast) == (OUTSIDER, ("ES", "FR"), None)
