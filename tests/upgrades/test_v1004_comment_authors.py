"""upgrades.v1004_comment_authors: on a 1003 site the owner of a post edited every comment on it;
after the step only each comment's author does."""

from collective.twinning.security import as_system
from collective.twinning.upgrades.v1004_comment_authors import upgrade
from plone import api
from plone.app.discussion.interfaces import IConversation
from tests.collaboration.conftest import as_owner
from tests.exportimport.archives import comment
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project

import pytest


def may_edit(userid: str, obj) -> bool:
    with api.env.adopt_user(username=userid):
        return bool(api.user.has_permission("Edit comments", obj=obj))


@pytest.fixture
def project(portal):
    space, _page, _materials = build_project(portal, "running")
    return space


@pytest.fixture
def old_comments(project):
    """A pupil's wall post with a teacher's comment, as 1003 made them: Owner edits, no CommentAuthor."""
    with as_system():
        post = as_owner(project, ACCOUNTS["pupil"], "Post", id="wall", channel="wall")
    comment(post, ACCOUNTS["teacher"], "Nice")
    [made] = IConversation(post).getComments()
    made.manage_delLocalRoles([ACCOUNTS["teacher"]])
    made.manage_setLocalRoles(ACCOUNTS["teacher"], ["Owner"])
    with api.env.adopt_roles(["Manager"]):
        definition = api.portal.get_tool("portal_workflow")["twinning_comment_workflow"]
        state = definition.states["published"]
        for permission in ("Edit comments", "Modify portal content"):
            state.setPermission(permission, 0, ["Manager", "Owner", "Site Administrator"])
        definition.updateRoleMappingsFor(made)
    return made


def test_upgrade_leaves_editing_to_the_author(old_comments):
    assert may_edit(ACCOUNTS["pupil"], old_comments)  # the hole: the post's owner edits the teacher's comment
    assert may_edit(ACCOUNTS["founder"], old_comments)

    with api.env.adopt_roles(["Manager"]):
        upgrade()

    assert may_edit(ACCOUNTS["teacher"], old_comments)
    assert not may_edit(ACCOUNTS["pupil"], old_comments)
    assert not may_edit(ACCOUNTS["founder"], old_comments)
    assert "CommentAuthor" in old_comments.get_local_roles_for_userid(ACCOUNTS["teacher"])
