"""Two Zope instances on one storage (`make run` with INSTANCES=2): what one commits, the
other serves at once, blobs included. Once on RelStorage (PostgreSQL), once on ZEO."""

from PIL import Image
from tests.scaleout.images import make_png

import base64
import io
import pytest
import time


pytestmark = pytest.mark.scaleout

CLUSTERS = ("relstorage_cluster", "zeo_cluster")


@pytest.fixture(params=CLUSTERS, ids=["relstorage", "zeo"])
def cluster(request):
    return request.getfixturevalue(request.param)


def test_both_instances_serve_the_site(cluster):
    for which in ("A", "B"):
        response = cluster.client(which, "ana").get("/projects")
        assert response.status_code == 200, response.text
        assert any(i["@type"] == "TwinSpace" for i in response.json()["items"])


def test_project_submitted_on_a_validated_on_b_seen_by_a_at_once(cluster, payloads):
    a_ana = cluster.client("A", "ana")
    payload = payloads["TwinSpace"]
    payload.update(title=f"Rivers of Europe on {cluster.storage}", languages=["es", "it"], cofounder="luca")
    response = a_ana.post("/projects", json=payload)
    assert response.status_code == 201, response.text
    space = response.json()["@id"]
    path = space[len(cluster.a) :]
    response = a_ana.post(f"{path}/@workflow/submit")
    assert response.status_code == 200, response.text

    # B sees A's commit, and the deciders approve there. ZEO delivers invalidations to the
    # other clients asynchronously (RelStorage polls at each transaction): allow it a moment.
    b_val = cluster.client("B", "val-es")
    state = eventually(lambda: b_val.get(f"{path}/@validation").json()["state"], "pending")
    assert state == "pending"
    for userid in ("luca", "val-es", "val-it"):
        response = cluster.client("B", userid).post(f"{path}/@validation", json={"decision": "approve"})
        assert response.status_code == 200, response.text

    # A answers with B's last commit: its caches were invalidated.
    assert eventually(lambda: a_ana.get(path).json()["review_state"], "validated") == "validated"
    checklist = a_ana.get(f"{path}/@validation").json()
    assert checklist["state"] == "validated"
    assert checklist["complete"] is True
    assert all(item["decision"] == "approve" for item in checklist["required"])


def eventually(read, expected, seconds: float = 10.0):
    """What ``read()`` answers once it answers ``expected`` (or at the deadline): ZEO delivers
    invalidations to the other clients asynchronously, RelStorage polls at each transaction."""
    deadline = time.monotonic() + seconds
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.2)
        value = read()
    return value


def test_image_added_on_b_is_served_by_a(cluster, payloads):
    image = make_png(size=128, seed=len(cluster.storage))
    b_luca = cluster.client("B", "luca")
    # The running demo project: Luca is one of its founders (TwinSpaceAdmin).
    space = "/projects/nuestro-patrimonio-our-heritage"
    page = b_luca.post(space, json={**payloads["Page"], "title": f"Posters on {cluster.storage}"})
    assert page.status_code == 201, page.text
    material = {
        **payloads["Material"],
        "title": "Our poster",
        "image": {
            "data": base64.b64encode(image).decode(),
            "encoding": "base64",
            "filename": "poster.png",
            "content-type": "image/png",
        },
    }
    del material["file"]
    created = b_luca.post(page.json()["@id"], json=material)
    assert created.status_code == 201, created.text
    url = created.json()["@id"].replace(cluster.b, cluster.a)

    served = cluster.client("A", "luca").get(f"{url}/@@download/image")
    stored = b_luca.get(created.json()["@id"] + "/@@download/image")

    assert served.status_code == 200
    assert served.headers["Content-Type"].startswith("image/png")
    # What B stored (pictures are re-encoded without metadata on upload), pixel for pixel.
    assert served.content == stored.content
    assert Image.open(io.BytesIO(served.content)).size == Image.open(io.BytesIO(image)).size
    # A read the blob from the storage server into its own blob cache.
    cached = [p.read_bytes() for p in (cluster.var / "blobcache").rglob("*.blob")]
    assert served.content in cached
