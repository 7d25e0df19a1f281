"""Fifty teachers join one group at once through two Zope instances on RelStorage: each
instance's writers of the group wait for each other (concurrency.one_writer, in-process only);
between the two instances, the roster's BTrees merge or the publisher retries the conflict."""

from concurrent.futures import ThreadPoolExecutor
from tests.scaleout.conftest import ADMIN_PASSWORD
from tests.scaleout.conftest import Client

import pytest


pytestmark = pytest.mark.scaleout

JOINERS = 50
PASSWORD = "joiner-password-2026"


def admin(cluster, which: str) -> Client:
    client = cluster.client(which, "admin")
    client.http.auth = ("admin", ADMIN_PASSWORD)
    return client


def test_fifty_teachers_join_one_group_through_two_instances(relstorage_cluster):
    cluster = relstorage_cluster
    manager = admin(cluster, "A")
    group = manager.post(
        "/groups",
        json={
            "@type": "Group",
            "id": "scaleout-joins",
            "title": "Joins from two instances",
            "access": "open",
            "languages": ["en"],
            "subjects": ["art"],
        },
    )
    assert group.status_code == 201, group.text
    assert manager.post("/groups/scaleout-joins/@workflow/approve").status_code == 200
    joiners = [f"teacher-joiner-{n:02d}" for n in range(JOINERS)]
    for userid in joiners:
        created = manager.post(
            "/@users",
            json={
                "username": userid,
                "email": f"{userid}@example.org",
                "password": PASSWORD,
                "fullname": userid,
                "country": "FR",
                "roles": ["Member", "Teacher"],
            },
        )
        assert created.status_code == 201, created.text

    def join(numbered):
        number, userid = numbered
        client = Client(cluster.a if number % 2 else cluster.b, userid)
        client.http.auth = (userid, PASSWORD)
        return client.post("/groups/scaleout-joins/@join")

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(join, enumerate(joiners)))

    assert [r.status_code for r in responses] == [201] * JOINERS, [
        r.text for r in responses if r.status_code != 201
    ]
    for which in ("A", "B"):
        members = admin(cluster, which).get("/groups/scaleout-joins/@members").json()
        assert sorted(m["id"] for m in members["items"] if m["role"] == "GroupMember") == joiners
