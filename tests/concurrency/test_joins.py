"""Many people join one group, and admins change one roster, at the same moment."""

from collective.twinning.membership.index import find_places
from collective.twinning.membership.roster import GroupRoster
from collective.twinning.membership.roster import Roster
from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_group
from tests.helpers import make_space
from tests.helpers import PASSWORD

import re
import requests
import transaction


JOINERS = 50
PAGES = 100


def test_fifty_teachers_join_one_group_at_once_and_none_is_lost(functional_portal, server):
    create_teacher("teacher-ana", "ES")
    joiners = [f"teacher-joiner-{n:02d}" for n in range(JOINERS)]
    for userid in joiners:
        create_teacher(userid, "FR")
    group = make_group(functional_portal["groups"], "teacher-ana", "open", "active")
    with api.env.adopt_roles(["Manager"]):
        for n in range(PAGES):  # a join writes no catalog record, however much the group holds
            api.content.create(container=group, type="Page", id=f"page-{n}", title=f"Page {n}")
    transaction.commit()

    responses = server.at_once([(u, "POST", "/groups/group/@join", None) for u in joiners])

    assert [r.status_code for r in responses] == [201] * JOINERS, [
        r.text for r in responses if r.status_code != 201
    ]
    print("retries after conflicts:", server.retries)
    transaction.begin()
    group = functional_portal["groups"]["group"]
    roster = GroupRoster(group)
    assert sorted(u for u, role in roster.items() if role == "GroupMember") == joiners
    assert roster._data.size() == JOINERS
    # The index agrees: each joiner finds the group among theirs.
    for userid in joiners:
        with api.env.adopt_user(username=userid):
            assert [b.getId for b in find_places(userid, "Group")] == ["group"]


ADDED = 20


def test_an_admin_changes_one_roster_from_many_requests_at_once(functional_portal, server):
    """Additions, role changes and removals on one TwinSpace, all at the same moment."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    added = [f"teacher-added-{n:02d}" for n in range(ADDED)]
    changed = [f"teacher-changed-{n:02d}" for n in range(5)]
    removed = [f"teacher-removed-{n:02d}" for n in range(5)]
    for userid in added + changed + removed:
        create_teacher(userid, "FR")
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", "running")
    with api.env.adopt_roles(["Manager"]):
        for n in range(PAGES // 2):
            api.content.create(container=space, type="Page", id=f"page-{n}", title=f"Page {n}")
    roster = Roster(space)
    for userid in changed + removed:
        roster.set(userid, "TwinSpaceObserver")
    transaction.commit()

    calls = (
        [
            ("teacher-ana", "POST", "/projects/space/@members", {"user": u, "role": "TwinSpaceTeacher"})
            for u in added
        ]
        + [
            ("teacher-ana", "PATCH", f"/projects/space/@members/{u}", {"role": "TwinSpaceTeacher"})
            for u in changed
        ]
        + [("teacher-luca", "DELETE", f"/projects/space/@members/{u}", None) for u in removed]
    )
    responses = server.at_once(calls)

    assert [r.status_code for r in responses] == [201] * ADDED + [200] * 5 + [204] * 5, [
        r.text for r in responses if r.status_code >= 300
    ]
    transaction.begin()
    space = functional_portal["projects"]["space"]
    now = dict(Roster(space).items())
    assert {u: now.get(u) for u in added + changed} == dict.fromkeys(added + changed, "TwinSpaceTeacher")
    assert not set(removed) & set(now)
    assert Roster(space)._data.size() == ADDED + 5
    for userid in added:  # the new teachers find the space and its draft pages in the catalog
        with api.env.adopt_user(username=userid):
            assert [b.getId for b in find_places(userid, "TwinSpace")] == ["space"]
            assert (
                len(api.content.find(portal_type="Page", path="/".join(space.getPhysicalPath())))
                == PAGES // 2
            )


def test_classic_ui_forms_add_members_to_one_space_at_once(functional_portal, server):
    """The "Add a member" form of the members tab, sent many times at the same moment."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    added = [f"teacher-added-{n:02d}" for n in range(JOINERS)]
    for userid in added:
        create_teacher(userid, "FR")
    space = make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", "running")
    transaction.commit()
    page = requests.get(
        f"{server.url}/projects/space?tab=members", auth=("teacher-ana", PASSWORD), timeout=60
    )
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)

    forms = [{"user": u, "role": "TwinSpaceTeacher", "_authenticator": token} for u in added]
    responses = server.forms_at_once("teacher-ana", "/projects/space/@@twinning-add-member", forms)

    assert [r.status_code for r in responses] == [302] * JOINERS, [r.text[:300] for r in responses]
    print("retries after conflicts:", server.retries)
    transaction.begin()
    space = functional_portal["projects"]["space"]
    now = dict(Roster(space).items())
    assert {u: now.get(u) for u in added} == dict.fromkeys(added, "TwinSpaceTeacher")


def test_teachers_add_pages_to_one_space_at_once(functional_portal, server):
    """plone.restapi's POST in a space changes its ordering list: no retries exhausted."""
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    make_space(functional_portal["projects"], "teacher-ana", "teacher-luca", "running")
    transaction.commit()
    titles = [f"Week {n}" for n in range(16)]

    responses = server.at_once(
        [
            (
                "teacher-ana" if n % 2 else "teacher-luca",
                "POST",
                "/projects/space",
                {"@type": "Page", "title": title},
            )
            for n, title in enumerate(titles)
        ]
    )

    assert [r.status_code for r in responses] == [201] * len(titles), [r.text for r in responses]
    assert server.retries == 0
    transaction.begin()
    space = functional_portal["projects"]["space"]
    assert sorted(space[i].Title() for i in space.objectIds() if i.startswith("week")) == sorted(titles)
