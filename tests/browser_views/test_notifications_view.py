"""@@notifications: the current user's notifications, unread first, and Mark all as read (POST + CSRF)."""

from collective.twinning.collaboration import notifications
from plone import api
from tests.browser_views.conftest import FOUNDER
from tests.browser_views.conftest import PARTNER
from tests.browser_views.conftest import prepare
from zExceptions import Forbidden
from zExceptions import Unauthorized

import pytest


def test_lists_own_notifications_unread_first(space_in, render, portal):
    space = space_in()
    with api.env.adopt_user(username=PARTNER):
        notifications.notify([FOUNDER], "mention", "Older, read", obj=space)
        notifications.mark_read(FOUNDER)
        notifications.notify([FOUNDER], "mention", "Newer, unread", obj=space)
        notifications.notify([PARTNER], "mention", "Someone else's", obj=space, actor=FOUNDER)
    html = render(portal, "notifications", FOUNDER)
    assert html.index("Newer, unread") < html.index("Older, read")
    assert "Someone else&#x27;s" not in html and "Someone else's" not in html
    assert html.count('data-read="false"') == 1
    assert 'name="_authenticator"' in html


def test_mark_all_as_read(space_in, render, portal):
    space = space_in()
    with api.env.adopt_user(username=PARTNER):
        notifications.notify([FOUNDER], "mention", "Hello", obj=space)
    render(portal, "notifications", FOUNDER, post=True)
    assert notifications.unread_count(FOUNDER) == 0


def test_anonymous_must_log_in(render, portal):
    with pytest.raises(Unauthorized):
        render(portal, "notifications", None)


def test_mark_all_as_read_needs_the_csrf_token(space_in, portal):
    space = space_in()
    with api.env.adopt_user(username=PARTNER):
        notifications.notify([FOUNDER], "mention", "Hello", obj=space)
    prepare(portal.REQUEST, {}, "POST")
    with api.env.adopt_user(username=FOUNDER), pytest.raises(Forbidden):
        portal.restrictedTraverse("@@notifications")()
    assert notifications.unread_count(FOUNDER) == 1
