"""Fifty teachers register for one learning event at the same moment: no seat over capacity,
everyone is either seated or waiting, and the waiting list keeps the order of the commits."""

from collective.twinning.learning import ledger
from collective.twinning.learning.registrations import registered_ids
from collective.twinning.learning.registrations import seats_of
from collective.twinning.learning.registrations import waiting_ids
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.recognition.test_learning_events import make_event

import transaction


TEACHERS = 50
CAPACITY = 20


def test_fifty_registrations_at_once_never_exceed_capacity(functional_portal, server):
    create_validator("validator-es", "ES")
    teachers = [f"teacher-seat-{n:02d}" for n in range(TEACHERS)]
    for userid in teachers:
        create_teacher(userid, "ES")
    event = make_event(functional_portal, capacity=CAPACITY)
    transaction.commit()

    responses = server.at_once([(u, "POST", f"/learning/{event.getId()}/@register", {}) for u in teachers])

    assert [r.status_code for r in responses] == [201] * TEACHERS, [
        r.text for r in responses if r.status_code != 201
    ]
    print("retries after conflicts:", server.retries)
    transaction.begin()
    event = functional_portal["learning"][event.getId()]
    seated, waiting = registered_ids(event), waiting_ids(event)
    assert len(seated) == CAPACITY and seats_of(event).taken == CAPACITY
    assert sorted(seated + waiting) == teachers and not set(seated) & set(waiting)
    statuses = {r.json()["status"] for r in responses}
    assert statuses == {"registered", "waiting"}
    # The waiting positions answered to each teacher are 1..30, each once, in the list's order.
    answered = {
        u: r.json()["position"]
        for u, r in zip(teachers, responses, strict=True)
        if r.json()["status"] == "waiting"
    }
    assert sorted(answered.values()) == list(range(1, TEACHERS - CAPACITY + 1))
    assert [u for u, _p in sorted(answered.items(), key=lambda item: item[1])] == waiting
    assert all(ledger.entries_of(u) for u in teachers)
