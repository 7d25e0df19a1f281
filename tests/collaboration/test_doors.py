"""A pupil never reads the bulletin, through any door; mentions, notifications, likes, polls, meetings."""

from collective.twinning.collaboration import notifications
from collective.twinning.collaboration.digest import send_digests
from collective.twinning.security import as_system
from plone import api
from tests.collaboration.conftest import as_owner
from tests.collaboration.conftest import html
from tests.helpers import PASSWORD
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project

import pytest
import transaction


SECRET = "Teachers only: the marks"


@pytest.fixture
def space(functional_portal):
    space, _page, _materials = build_project(functional_portal, "running")
    founder = ACCOUNTS["founder"]
    with as_system():
        bulletin = as_owner(
            space,
            founder,
            "Post",
            id="bulletin",
            channel="bulletin",
            text=html(f"{SECRET} @pupil-elena @teacher-carla"),
        )
        as_owner(space, founder, "Post", id="wall", channel="wall", text=html("Hello everyone"))
    with api.env.adopt_user(username=ACCOUNTS["teacher"]):
        from plone.app.discussion.interfaces import IConversation
        from zope.component import createObject

        comment = createObject("plone.Comment")
        comment.text = f"{SECRET} comment"
        comment.author_username = ACCOUNTS["teacher"]
        comment.creator = ACCOUNTS["teacher"]
        IConversation(bulletin).addComment(comment)
    transaction.commit()
    return space


def session(request_factory, role):
    return request_factory(basic_auth=(ACCOUNTS[role], PASSWORD))


def test_pupil_never_reads_the_bulletin(space, request_factory):
    pupil = session(request_factory, "pupil")
    teacher = session(request_factory, "teacher")
    doors = {
        "object": "/projects/space/bulletin",
        "comments": "/projects/space/bulletin/@comments",
        "likes": "/projects/space/bulletin/@likes",
        "search": "/@search?SearchableText=marks&path=/plone/projects/space",
        "search_types": "/@search?portal_type=Post&portal_type=Discussion%20Item&fullobjects=1",
        "activity": "/projects/space/@activity",
        "listing": "/projects/space?fullobjects=1",
        "notifications": "/@notifications",
        "export": "/projects/space/@export",
    }
    for name, path in doors.items():
        response = pupil.get(path)
        assert SECRET not in response.text, name
        assert "bulletin" not in response.text or (name == "listing" and "channel" not in response.text), name
    # The same doors show it to a teacher (the check could fail).
    assert SECRET in teacher.get(doors["object"]).text
    assert SECRET in teacher.get(doors["comments"]).text
    assert "bulletin" in teacher.get(doors["search_types"]).text
    activity = teacher.get(doors["activity"])
    assert activity.status_code == 200, activity.text
    kinds = {(i["kind"], i["actor"]) for i in activity.json()["items"]}
    assert ("comment", ACCOUNTS["teacher"]) in kinds and ("post", ACCOUNTS["founder"]) in kinds


def test_mentions_notify_members_who_may_see(space, request_factory):
    # The bulletin mentioned the pupil and the teacher: only the teacher may see it.
    teacher = session(request_factory, "teacher").get("/@notifications").json()
    assert teacher["unread"] >= 1
    assert any(item["kind"] == "mention" and item["url"].endswith("/bulletin") for item in teacher["items"])
    assert session(request_factory, "pupil").get("/@notifications").json()["items_total"] == 0


def test_wall_comment_reply_and_mention_from_rest(space, request_factory):
    pupil = session(request_factory, "pupil")
    response = pupil.post(
        "/projects/space/wall/@comments", json={"text": "Great! @observer-fabio @member-gina"}
    )
    assert response.status_code == 204
    founder = session(request_factory, "founder").get("/@notifications").json()
    assert [i["kind"] for i in founder["items"]][:1] == ["comment"]
    observer = session(request_factory, "observer").get("/@notifications").json()
    assert [i["kind"] for i in observer["items"]] == ["mention"]
    # member-gina is not in the project: not notified, not revealed.
    assert session(request_factory, "member").get("/@notifications").json()["items_total"] == 0
    # Read all, then unread is 0 and the items stay (read).
    assert session(request_factory, "observer").post("/@notifications/read", json={}).json() == {"unread": 0}
    listing = session(request_factory, "observer").get("/@notifications").json()
    assert listing["unread"] == 0 and listing["items"][0]["read"] is True


def test_notifications_bad_input(space, request_factory):
    teacher = session(request_factory, "teacher")
    bad = teacher.post("/@notifications/read", json={"ids": "all"})
    assert bad.status_code == 400 and bad.json()["field"] == "ids"
    assert teacher.get("/@notifications?b_size=0").json()["field"] == "b_size"
    assert request_factory().get("/@notifications").status_code == 401


def test_anonymous_never_comments_even_on_public_posts(space, request_factory):
    founder = session(request_factory, "founder")
    assert founder.post("/projects/space/wall/@workflow/publish").status_code == 200
    anonymous = request_factory()
    assert anonymous.get("/projects/space/wall").status_code == 200
    assert anonymous.post("/projects/space/wall/@comments", json={"text": "spam"}).status_code in (401, 403)
    # A logged-in teacher of another project is no member either.
    assert session(request_factory, "member").post(
        "/projects/space/wall/@comments", json={"text": "spam"}
    ).status_code in (401, 403)


def test_likes_once_per_user(space, request_factory):
    teacher = session(request_factory, "teacher")
    assert teacher.post("/projects/space/wall/@likes").json() == {"count": 1, "liked": True}
    assert teacher.post("/projects/space/wall/@likes").json() == {"count": 1, "liked": True}
    assert session(request_factory, "pupil").post("/projects/space/wall/@likes").json() == {
        "count": 2,
        "liked": True,
    }
    assert teacher.delete("/projects/space/wall/@likes").json() == {"count": 1, "liked": False}
    assert session(request_factory, "member").get("/projects/space/wall/@likes").status_code in (401, 403)


def test_channel_cannot_change_and_pupils_do_not_pin(space, request_factory):
    founder = session(request_factory, "founder")
    response = founder.patch("/projects/space/wall", json={"channel": "bulletin"})
    assert response.status_code == 400 and response.json()["field"] == "channel"
    pupil = session(request_factory, "pupil")
    created = pupil.post("/projects/space", json={"@type": "Post", "text": "<p>Mine</p>", "pinned": True})
    assert created.status_code == 201
    assert created.json()["pinned"] is False
    pinned = founder.post("/projects/space", json={"@type": "Post", "text": "<p>Read me</p>", "pinned": True})
    assert pinned.json()["pinned"] is True and pinned.json()["review_state"] == "wall"


def test_digest_by_preference(space, functional_portal):
    teacher = api.user.get(userid=ACCOUNTS["teacher"])
    mailhost = api.portal.get_tool("MailHost")
    mailhost.reset()
    sent = send_digests()
    assert ACCOUNTS["teacher"] in sent  # daily by default
    assert ACCOUNTS["pupil"] not in sent
    assert len(send_digests()) == 0  # nothing new: nothing mailed twice
    teacher.setMemberProperties({"notification_mail": "never"})
    with api.env.adopt_user(username=ACCOUNTS["founder"]):
        notifications.notify([ACCOUNTS["teacher"]], "mention", "x", obj=space["wall"])
    assert ACCOUNTS["teacher"] not in send_digests()
    teacher.setMemberProperties({"notification_mail": "immediately"})
    mailhost.reset()
    with api.env.adopt_user(username=ACCOUNTS["founder"]):
        notifications.notify([ACCOUNTS["teacher"]], "mention", "Now", obj=space["wall"])
    assert len(mailhost.messages) == 1


def test_poll_answers(space, request_factory):
    with as_system():
        as_owner(
            space,
            ACCOUNTS["teacher"],
            "Poll",
            id="poll",
            question="Which day?",
            options=["Mon", "Tue", "Wed"],
        )
    transaction.commit()
    pupil = session(request_factory, "pupil")
    before = pupil.get("/projects/space/poll/@poll").json()
    assert before["results"] is None and before["answer"] is None
    assert pupil.post("/projects/space/poll/@poll", json={"option": 7}).json()["field"] == "option"
    after = pupil.post("/projects/space/poll/@poll", json={"option": 2}).json()
    assert after["answer"] == 2 and after["results"][2] == {"option": "Wed", "count": 1}
    again = pupil.post("/projects/space/poll/@poll", json={"option": 1})
    assert again.status_code == 400 and again.json()["field"] == "option"
    assert (
        session(request_factory, "teacher").get("/projects/space/poll/@poll").json()["results"][2]["count"]
        == 1
    )


def test_embeds_in_materials(space, request_factory):
    teacher = session(request_factory, "teacher")
    body = {"@type": "Material", "title": "Wall", "copyright_confirmed": True}
    assert (
        teacher.post("/projects/space", json={**body, "embed_url": "https://padlet.com/class/w"}).status_code
        == 201
    )
    refused = teacher.post("/projects/space", json={**body, "embed_url": "https://evil.example/padlet.com/"})
    assert refused.status_code == 400 and "embed_url" in refused.text
    api.portal.set_registry_record("collective.twinning.embed_hosts", ["Tool|https://tool.example/*"])
    transaction.commit()
    assert (
        teacher.post("/projects/space", json={**body, "embed_url": "https://tool.example/x"}).status_code
        == 201
    )
    assert (
        teacher.post("/projects/space", json={**body, "embed_url": "https://padlet.com/class/w"}).status_code
        == 400
    )
