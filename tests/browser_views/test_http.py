"""The pages through the real publisher (functional layer): layer, login, CSRF token."""

from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.helpers import PASSWORD

import re
import requests
import transaction


def test_twinspace_page_and_a_form_over_http(functional_portal):
    create_teacher("founder-ana", "ES")
    create_teacher("partner-luca", "IT")
    space = make_space(functional_portal["projects"], "founder-ana", "partner-luca", "draft")
    transaction.commit()
    url = space.absolute_url()
    session = requests.Session()
    session.auth = ("founder-ana", PASSWORD)
    page = session.get(url)
    assert page.status_code == 200 and 'id="twinspace-header"' in page.text
    assert "++resource++collective.twinning.views/twinning.css" in page.text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    # Without the token: refused, nothing changes.
    refused = session.post(f"{url}/@@twinning-transition", data={"transition": "submit"})
    assert refused.status_code == 403
    done = session.post(
        f"{url}/@@twinning-transition",
        data={"transition": "submit", "_authenticator": token},
        allow_redirects=False,
    )
    assert done.status_code == 302 and done.headers["Location"] == url
    transaction.begin()
    assert api.content.get_state(obj=functional_portal["projects"]["space"]) == "pending"
    css = requests.get(
        f"{functional_portal.absolute_url()}/++resource++collective.twinning.views/twinning.css", timeout=60
    )
    assert css.status_code == 200 and "state-badge" in css.text


def test_users_control_panel_over_http_makes_the_teacher_profile(functional_portal):
    """The Users control panel's real form (records, CSRF token) through the publisher."""
    from collective.twinning.directory.profiles import get_profile
    from tests.helpers import create_account

    create_account("agency-admin", "ES", roles=["Site Administrator"])
    create_account("member-nora-pt", "PT")
    transaction.commit()
    url = f"{functional_portal.absolute_url()}/@@usergroup-userprefs"
    session = requests.Session()
    session.auth = ("agency-admin", PASSWORD)
    page = session.get(url, params={"searchstring": "member-nora-pt", "form.button.Search": "Search"})
    assert page.status_code == 200 and 'value="member-nora-pt"' in page.text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    done = session.post(
        url,
        data=[
            ("form.submitted", "1"),
            ("_authenticator", token),
            ("form.button.Modify", "Apply changes"),
            ("users.id:records", "member-nora-pt"),
            ("users.roles:list:records", "Member"),
            ("users.roles:list:records", "Teacher"),
        ],
    )
    assert done.status_code == 200
    transaction.begin()
    assert "Teacher" in api.user.get_roles(username="member-nora-pt")
    profile = get_profile("member-nora-pt")
    assert profile is not None and api.content.get_state(obj=profile) == "visible"
