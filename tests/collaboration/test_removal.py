"""Removing a post or a thread with comments leaves nothing of it in the catalog.

plone.app.discussion deletes the comments of removed content, and each deletion reindexes the
content (its comment counters) after it was unindexed: without care the removed post came back
as a catalog record (found by ``@search``, ``@activity``, and by an import's check for its UID).
"""

from collective.twinning.security import as_system
from plone import api
from tests.collaboration.conftest import as_owner
from tests.exportimport.archives import comment
from tests.workflows.conftest import ACCOUNTS

import pytest


@pytest.fixture
def commented(project):
    with as_system():
        post = as_owner(project, ACCOUNTS["founder"], "Post", id="post", channel="bulletin")
        forum = as_owner(project, ACCOUNTS["founder"], "Forum", id="forum", title="Forum")
        thread = as_owner(forum, ACCOUNTS["teacher"], "Thread", id="thread", title="Thread")
    comment(post, ACCOUNTS["teacher"], "A comment")
    reply = comment(thread, ACCOUNTS["pupil"], "A reply")
    comment(thread, ACCOUNTS["teacher"], "A reply to it", in_reply_to=reply)
    return project


def catalogued(space) -> list[str]:
    catalog = api.portal.get_tool("portal_catalog")
    return sorted(
        b.getPath() for b in catalog.unrestrictedSearchResults(path="/".join(space.getPhysicalPath()))
    )


@pytest.mark.parametrize("path", ["post", "forum/thread", "forum"])
def test_a_removed_item_leaves_no_record(commented, path):
    obj = commented.unrestrictedTraverse(path)
    gone = "/".join(obj.getPhysicalPath())
    with as_system():
        api.content.delete(obj=obj, check_linkintegrity=False)
    left = catalogued(commented)
    assert not [p for p in left if p == gone or p.startswith(f"{gone}/")], left
    assert api.content.find(UID=commented.UID(), unrestricted=True)  # the rest is still there


def test_a_removed_space_leaves_no_record(commented):
    path = "/".join(commented.getPhysicalPath())
    with as_system():
        api.content.delete(obj=commented, check_linkintegrity=False)
    catalog = api.portal.get_tool("portal_catalog")
    assert not list(catalog.unrestrictedSearchResults(path=path))
