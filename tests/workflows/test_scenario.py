"""A whole project life through REST, with the mails it sends."""

from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from plone import api
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import PASSWORD

import transaction


def _mails(portal):
    """(recipient, subject, body) of every mail sent so far."""
    transaction.begin()  # see what the server thread committed
    result = []
    for raw in portal.MailHost.messages:
        message = message_from_bytes(raw)
        body = message.get_payload(decode=True).decode()
        subject = str(make_header(decode_header(message["Subject"])))
        result.append((message["To"], subject, body))
    return result


def _recipients(mails, subject_start):
    return {to for to, subject, _body in mails if subject.startswith(subject_start)}


def test_project_lifecycle(functional_portal, request_factory):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-luca", "IT")
    create_validator("validator-es", "ES")
    create_validator("validator-it", "IT")
    transaction.commit()

    def as_(userid):
        return request_factory(basic_auth=(userid, PASSWORD))

    ana, luca = as_("teacher-ana"), as_("teacher-luca")
    val_es, val_it = as_("validator-es"), as_("validator-it")
    anon = request_factory()

    # Ana registers the project with Luca as partner founder.
    created = ana.post(
        "/projects",
        json={
            "@type": "TwinSpace",
            "title": "Rivers of Europe",
            "cofounder": "teacher-luca",
            "languages": ["en"],
            "subjects": ["geography"],
            "age_from": 10,
            "age_to": 12,
        },
    )
    assert created.status_code == 201, created.text
    url = created.json()["@id"]
    assert anon.get(url).status_code == 401  # a draft is not public

    # Submit: Luca and both national services are told.
    assert ana.post(f"{url}/@workflow/submit").status_code == 200
    mails = _mails(functional_portal)
    assert _recipients(mails, "Project submitted") == {
        "teacher-luca@example.org",
        "validator-es@example.org",
        "validator-it@example.org",
    }
    assert all(url in body for _to, subject, body in mails if subject.startswith("Project submitted"))

    checklist = val_es.get(f"{url}/@validation").json()
    assert checklist["kind"] == "european"
    assert [item["kind"] for item in checklist["required"]] == ["partner", "national", "national"]
    assert checklist["complete"] is False

    # The partner accepts, then both validators approve: validated by itself.
    assert luca.post(f"{url}/@validation", json={"decision": "approve"}).status_code == 200
    assert val_es.post(f"{url}/@validation", json={"decision": "approve"}).status_code == 200
    last = val_it.post(f"{url}/@validation", json={"decision": "approve", "comment": "Benvenuti"})
    assert last.status_code == 200
    assert last.json()["state"] == "validated"
    assert last.json()["complete"] is True
    assert _recipients(_mails(functional_portal), "Project validated") == {
        "teacher-ana@example.org",
        "teacher-luca@example.org",
    }
    assert anon.get(url).status_code == 200  # the summary is public now

    # Start, add a pupil, publish a page.
    assert luca.post(f"{url}/@workflow/start").status_code == 200
    pupil = ana.post(
        f"{url}/@pupils",
        json={
            "username": "pupil-marco",
            "fullname": "Marco Rossi",
            "password": PASSWORD,
        },
    )
    assert pupil.status_code == 201, pupil.text
    page = ana.post(url, json={"@type": "Page", "title": "Our rivers"})
    assert page.status_code == 201
    page_url = page.json()["@id"]
    pupil_session = as_("pupil-marco")
    assert pupil_session.get(page_url).status_code == 200
    assert anon.get(page_url).status_code == 401
    assert ana.post(f"{page_url}/@workflow/publish").status_code == 200
    assert anon.get(page_url).status_code == 200

    # The pupil adds material; nobody outside can.
    material = pupil_session.post(
        url,
        json={
            "@type": "Material",
            "title": "My drawing",
            "embed_url": "https://vimeo.com/3",
            "copyright_confirmed": True,
        },
    )
    assert material.status_code == 201

    # Conclude: content frozen, admins still hide/publish; then the ES validator archives.
    assert ana.post(f"{url}/@workflow/conclude").status_code == 200
    assert ana.patch(page_url, json={"title": "Changed"}).status_code in (401, 403)
    assert ana.post(f"{page_url}/@workflow/hide").status_code == 200
    assert val_es.post(f"{url}/@workflow/archive").status_code == 200

    transaction.begin()
    space = functional_portal["projects"][created.json()["id"]]
    assert api.content.get_state(obj=space) == "archived"
    history = [entry["action"] for entry in space.workflow_history["twinspace_workflow"]]
    assert history == [None, "submit", "validate", "start", "conclude", "archive"]
    # Archived is read-only, even for the founders.
    assert ana.patch(url, json={"title": "Too late"}).status_code in (401, 403)
    assert ana.post(f"{page_url}/@workflow/publish").status_code in (400, 401, 403)


def test_rejection_goes_back_to_draft(functional_portal, request_factory):
    create_teacher("teacher-ana", "ES")
    create_teacher("teacher-pia", "ES")
    create_validator("validator-es", "ES")
    transaction.commit()
    ana = request_factory(basic_auth=("teacher-ana", PASSWORD))
    val_es = request_factory(basic_auth=("validator-es", PASSWORD))
    url = ana.post(
        "/projects",
        json={
            "@type": "TwinSpace",
            "title": "Recycling at school",
            "cofounder": "teacher-pia",
            "languages": ["es"],
            "subjects": ["environmental_education"],
            "age_from": 6,
            "age_to": 8,
        },
    ).json()["@id"]
    ana.post(f"{url}/@workflow/submit")
    checklist = val_es.get(f"{url}/@validation").json()
    assert checklist["kind"] == "national"

    no_comment = val_es.post(f"{url}/@validation", json={"decision": "reject"})
    assert no_comment.status_code == 400
    assert no_comment.json()["field"] == "comment"

    rejected = val_es.post(f"{url}/@validation", json={"decision": "reject", "comment": "Add aims."})
    assert rejected.status_code == 200
    assert rejected.json()["state"] == "draft"
    assert all(item["decision"] is None for item in rejected.json()["required"])
    mails = _mails(functional_portal)
    rejected_mails = [(to, body) for to, subject, body in mails if subject.startswith("Project rejected")]
    assert {to for to, _body in rejected_mails} == {"teacher-ana@example.org", "teacher-pia@example.org"}
    assert all("Add aims." in body for _to, body in rejected_mails)
