"""The front page, the group list and the item views inside the place's layout (issue 22)."""

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from tests.browser_views.conftest import FOUNDER
from tests.browser_views.conftest import OUTSIDER
from tests.browser_views.conftest import PARTNER
from tests.helpers import make_label
from tests.helpers import make_mobility

import pytest


def _page(space, title="Our river walk"):
    with api.env.adopt_user(username=FOUNDER):
        return api.content.create(
            container=space,
            type="Page",
            title=title,
            text=RichTextValue("<p>We counted the birds.</p>", "text/html", "text/x-html-safe"),
        )


def test_front_page_searches_counts_and_newest(space_in, render, portal):
    space_in("running", id_="visible")
    space_in("draft", id_="hidden")
    html = render(portal, "twinning-home", None)
    for page in ("project-search-page", "partner-search-page", "organisation-search-page"):
        assert f'/@@{page}"' in html
    assert "people-search-page" not in html  # anonymous visitors may not search people
    assert 'id="home-login"' in html and 'id="home-my-space"' not in html
    assert "/projects/visible" in html and "/projects/hidden" not in html
    assert 'id="count-projects" data-value="1"' in html


def test_front_page_leads_teachers_and_validators_on(world, render, portal):
    teacher = render(portal, "twinning-home", FOUNDER)
    assert 'id="home-my-space"' in teacher and "people-search-page" in teacher
    assert 'id="home-dashboard"' not in teacher
    validator = render(portal, "twinning-home", "validator-es")
    assert 'id="home-dashboard"' in validator


def test_group_search_page(group_in, render, portal):
    group_in("open", id_="open-group")
    group_in("open", state="pending", id_="waiting-group")
    html = render(portal, "group-search-page", None)
    assert "/groups/open-group" in html and "/groups/waiting-group" not in html
    assert 'data-total="1"' in html


def test_page_in_the_space_layout(space_in, render):
    space = space_in("running")
    page = _page(space)
    html = render(page, "view", FOUNDER)
    assert 'id="place-header"' in html and 'id="space-nav"' in html and 'id="place-tabs"' in html
    assert 'aria-current="page"' in html and "We counted the birds." in html
    assert f'href="{space.absolute_url()}?tab=members"' in html
    assert 'id="add-subpage"' in html


def test_material_file_with_type_size_and_download(space_in, render):
    space = space_in("running")
    with api.env.adopt_user(username=FOUNDER):
        material = api.content.create(
            container=space,
            type="Material",
            title="Worksheet",
            copyright_confirmed=True,
            license="cc-by-4.0",
            file=NamedBlobFile(
                b"%PDF-1.4 " + b"x" * 2048, filename="worksheet.pdf", contentType="application/pdf"
            ),
        )
    html = render(material, "view", FOUNDER)
    assert 'data-kind="file"' in html and "application/pdf" in html and "2.0 KB" in html
    assert "/@@download/file/worksheet.pdf" in html and 'id="place-header"' in html
    assert "File: No file" not in html


def test_mobility_in_the_space_layout(space_in, render):
    space = space_in("running")
    mobility = make_mobility(space, FOUNDER)
    html = render(mobility, "view", FOUNDER)
    assert 'id="mobility-facts"' in html and "Liceo Galileo Galilei" in html and 'id="place-header"' in html


def test_label_names_the_applicant_not_the_user_id(space_in, render):
    space = space_in("running")
    label = make_label(space, FOUNDER)
    html = render(label, "view", FOUNDER)
    assert "Founder Ana" in html and 'id="label-applicant"' in html
    assert 'data-test="transition-submit"' in html
    assert html.count('class="card mb-3 label-criterion"') == 5


def test_teacher_profile_and_organisation(world, render, portal):
    from collective.twinning.directory.profiles import sync_profile

    profile = sync_profile(PARTNER)
    html = render(profile, "view", OUTSIDER)
    assert 'id="teacher-profile"' in html and 'id="profile-country"' in html
    assert 'id="contact-button"' in html
    own = render(profile, "view", PARTNER)
    assert 'id="contact-button"' not in own  # no "Contact" on your own entry


@pytest.mark.parametrize(
    "came_from,userid,landing",
    [
        (None, FOUNDER, "/@@my-space"),
        ("front", FOUNDER, "/@@my-space"),
        ("front", "validator-es", "/@@twinning-dashboard"),
        ("group", FOUNDER, "/groups/group"),  # logged in from a page: back to it
    ],
)
def test_landing_after_login(group_in, portal, came_from, userid, landing):
    from collective.twinning.browser.login import LandingAfterLogin

    group_in("open")
    urls = {
        None: None,
        "front": portal.absolute_url() + "/",
        "group": f"{portal.absolute_url()}/groups/group",
    }
    with api.env.adopt_user(username=userid):
        url = LandingAfterLogin(portal, portal.REQUEST)(urls[came_from], False)
    assert url == portal.absolute_url() + landing


def test_demo_mails_only_with_the_sink(world, portal, render, monkeypatch, tmp_path):
    from collective.twinning.demo.mail import SINK_ENV
    from email.message import EmailMessage
    from zExceptions import NotFound
    from zExceptions import Unauthorized

    import mailbox

    monkeypatch.delenv(SINK_ENV, raising=False)
    with pytest.raises(Unauthorized):  # not for teachers
        render(portal, "demo-mails", FOUNDER)
    with pytest.raises(NotFound), api.env.adopt_roles(["Manager"]):  # not without the sink
        portal.restrictedTraverse("@@demo-mails")()
    box = mailbox.Maildir(tmp_path / "mail", create=True)
    message = EmailMessage()
    message["Subject"], message["From"], message["To"] = "Hola", "portal@example.org", "ana@example.org"
    message["Date"] = "Thu, 03 Dec 2026 10:00:00 +0000"
    message.set_content("Bienvenida al portal.")
    box.add(message)
    monkeypatch.setenv(SINK_ENV, str(tmp_path / "mail"))
    with api.env.adopt_roles(["Manager"]):
        html = portal.restrictedTraverse("@@demo-mails")()
    assert 'data-total="1"' in html and "Hola" in html and "Bienvenida al portal." in html


def test_member_form_defaults_to_the_least_role(space_in, group_in, render):
    space = render(space_in("running"), "view", FOUNDER, {"tab": "members"})
    assert '<option value="TwinSpaceObserver" selected="selected">' in space
    assert 'data-user-picker="1"' in space
    group = render(group_in("open"), "view", FOUNDER)
    assert '<option value="GroupMember" selected="selected">' in group


def test_decided_row_has_no_buttons(space_in, render):
    from collective.twinning.lifecycle.checklist import decide

    space = space_in("pending")
    assert 'id="approve-button"' in render(space, "view", PARTNER)
    with api.env.adopt_user(username=PARTNER):
        decide(space, PARTNER, "approve", "Happy to join.")
    html = render(space, "view", PARTNER)
    assert 'id="approve-button"' not in html and 'id="validation-done"' in html
    assert "Partner Luca" in html and "Happy to join." in html


def test_use_mail_sink_sets_plones_mail_settings(portal):
    from collective.twinning.demo.mail import DEMO_SENDER
    from collective.twinning.demo.mail import use_mail_sink

    api.portal.set_registry_record("plone.email_from_address", "")
    use_mail_sink(portal, "127.0.0.1", 9080)
    # Plone's mailer reads the registry (Products.CMFPlone.patches.sendmail), not the MailHost.
    assert api.portal.get_registry_record("plone.smtp_host") == "127.0.0.1"
    assert api.portal.get_registry_record("plone.smtp_port") == 9080
    assert api.portal.get_registry_record("plone.email_from_address") == DEMO_SENDER
    api.portal.set_registry_record("plone.email_from_address", "agency@example.org")
    use_mail_sink(portal, "127.0.0.1", 9081)
    assert api.portal.get_registry_record("plone.email_from_address") == "agency@example.org"
