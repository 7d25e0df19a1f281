from tests.collaboration.conftest import write, html
from plone import api
from plone.app.discussion.interfaces import IConversation


def test_smoke(project):
    post = write(project, "teacher", "Post", channel="bulletin")
    assert api.content.get_state(post) == "bulletin"
    wall = write(project, "pupil", "Post", channel="wall")
    assert api.content.get_state(wall) == "wall"
    print(post.getId(), post.Title(), wall.getId())
    forum = write(project, "founder", "Forum", title="Our forum")
    thread = write(forum, "pupiladmin", "Thread", title="Hello", text=html("hi @teacher-carla"))
    from datetime import datetime, timedelta, timezone
    now = datetime.now(timezone.utc)
    meeting = write(project, "founder", "Meeting", title="Kick-off", start=now + timedelta(minutes=10), end=now + timedelta(hours=1))
    print(meeting.room)
    poll = write(project, "teacher", "Poll", question="Which day?", options=["Mon", "Tue"])
    print(poll.getId())
    with api.env.adopt_user(username="pupil-elena"):
        assert not api.user.has_permission("View", obj=post)
        assert api.user.has_permission("View", obj=wall)
        print([b.portal_type for b in api.content.find(path="/".join(project.getPhysicalPath()))])
    from collective.twinning.collaboration.notifications import listing
    print(listing("teacher-carla"))
