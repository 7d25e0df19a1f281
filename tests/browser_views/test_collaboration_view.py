"""The collaboration page: pinned first, the bulletin for teachers only, the Join button when open."""

from collective.twinning.security import as_system
from datetime import datetime
from datetime import timedelta
from tests.collaboration.conftest import as_owner
from tests.collaboration.conftest import html
from tests.helpers import PASSWORD
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project

import pytz
import transaction


def test_collaboration_page(functional_portal, request_factory):
    space, _page, _materials = build_project(functional_portal, "running")
    now = datetime.now(pytz.utc)
    with as_system():
        as_owner(
            space,
            ACCOUNTS["founder"],
            "Post",
            id="old-pinned",
            channel="wall",
            pinned=True,
            text=html("Pinned hello"),
        )
        as_owner(space, ACCOUNTS["pupil"], "Post", id="newer", channel="wall", text=html("Pupil says hi"))
        as_owner(
            space,
            ACCOUNTS["teacher"],
            "Post",
            id="secret",
            channel="bulletin",
            text=html("Marks for teachers"),
        )
        as_owner(
            space,
            ACCOUNTS["founder"],
            "Meeting",
            id="call",
            title="Call",
            start=now - timedelta(minutes=1),
            end=now + timedelta(hours=1),
        )
    transaction.commit()
    teacher = request_factory(basic_auth=(ACCOUNTS["teacher"], PASSWORD))
    page = teacher.get("/projects/space/@@collaboration", headers={"Accept": "text/html"}).text
    assert "Marks for teachers" in page
    assert page.index("post-old-pinned") < page.index("post-newer")
    assert "@@join-meeting" in page
    pupil = request_factory(basic_auth=(ACCOUNTS["pupil"], PASSWORD))
    page = pupil.get("/projects/space/@@collaboration", headers={"Accept": "text/html"}).text
    assert "Pupil says hi" in page and "Marks for teachers" not in page and "channel-bulletin" not in page
    joined = pupil.get(
        "/projects/space/call/@@join-meeting", headers={"Accept": "text/html"}, allow_redirects=False
    )
    assert joined.status_code == 302 and joined.headers["Location"].startswith(
        "https://meet.jit.si/twinning-"
    )
    assert "collaboration-tabs" in pupil.get("/projects/space/@@view", headers={"Accept": "text/html"}).text
