"""A pupil's full name is shown only inside its space: a comment by a pupil on a public wall post
is named "Elena" to everyone outside it (and to pupils, as the roster does), "Elena Pupil" to the
space's adults and administrators; through REST, the Classic UI and the catalog (``@search``)."""

from collective.twinning.security import as_system
from plone import api
from tests.collaboration.conftest import as_owner
from tests.collaboration.conftest import html
from tests.exportimport.archives import comment
from tests.helpers import PASSWORD
from tests.workflows.conftest import ACCOUNTS

import pytest
import transaction


FULL, FIRST = "Elena Pupil", "Elena"
HTML = {"Accept": "text/html"}

# viewer -> the name a pupil's comment carries for them
NAMES = {
    "anonymous": FIRST,
    "member": FIRST,  # a teacher of the portal, not in the space
    "validator": FIRST,  # the project's national validator reads public posts, not its pupils' names
    "other_validator": FIRST,
    "founder": FULL,
    "admin": FULL,
    "teacher": FULL,
    "observer": FULL,
    "pupil": FIRST,  # pupils see first names, as in the roster
    "manager": FULL,
}


@pytest.fixture
def public_post(functional_portal):
    from tests.workflows.conftest import build_project

    space, _page, _materials = build_project(functional_portal, "running")
    with as_system():
        post = as_owner(
            space, ACCOUNTS["teacher"], "Post", id="news", channel="wall", text=html("In the news")
        )
        api.content.transition(obj=post, transition="publish")
    comment(post, ACCOUNTS["pupil"], "I drew the poster")
    comment(post, ACCOUNTS["teacher"], "Well done")
    transaction.commit()
    return post


def session(session_for, viewer: str):
    return session_for("anonymous" if viewer == "anonymous" else ACCOUNTS[viewer])


@pytest.mark.parametrize("viewer,name", NAMES.items())
def test_rest_comments_name_a_pupil_as_the_viewer_may_see(public_post, session_for, viewer, name):
    response = session(session_for, viewer).get("/projects/space/news/@comments")
    assert response.status_code == 200, response.text
    names = {item["author_username"]: item["author_name"] for item in response.json()["items"]}

    assert names[ACCOUNTS["pupil"]] == name
    teacher = api.user.get(userid=ACCOUNTS["teacher"]).getProperty("fullname")
    assert names[ACCOUNTS["teacher"]] == (
        teacher if name == FULL or viewer != "pupil" else teacher.split()[0]
    )
    if name == FIRST:
        assert FULL not in response.text


@pytest.mark.parametrize("viewer,name", NAMES.items())
def test_the_classic_ui_names_a_pupil_as_the_viewer_may_see(public_post, request_factory, viewer, name):
    # the site's own URLs (not ++api++): the page a browser gets
    auth = {} if viewer == "anonymous" else {"basic_auth": (ACCOUNTS[viewer], PASSWORD)}
    response = request_factory(api=False, **auth).get("projects/space/news", headers=HTML)
    assert response.status_code == 200, response.text[:300]
    comments = response.text.partition('class="pat-discussion"')[2]  # the comments viewlet (the
    assert "I drew the poster" in comments  # personal bar names the pupil viewer herself)

    assert (FULL in comments) is (name == FULL)
    assert FIRST in comments


@pytest.mark.parametrize("viewer", sorted(NAMES))
def test_search_holds_a_pupil_first_name_only(public_post, session_for, viewer):
    response = session(session_for, viewer).get(
        "/@search", params={"portal_type": "Discussion Item", "metadata_fields": ["author_name", "Title"]}
    )
    assert response.status_code == 200, response.text
    titles = {item["author_name"]: item["title"] for item in response.json()["items"]}

    assert FULL not in response.text
    assert titles.get(FIRST, "").startswith(FIRST)  # the pupil's comment is found, by first name
