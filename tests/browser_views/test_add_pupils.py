"""The Classic UI's "Create a class of pupils from a file" (CSV) through the real publisher."""

from collective.twinning.errors import FieldError
from collective.twinning.membership.pupils import pupils_from_csv
from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space
from tests.helpers import PASSWORD

import pytest
import re
import requests
import transaction


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"username,fullname\npupil-ana-es,Ana\n", [{"username": "pupil-ana-es", "fullname": "Ana"}]),
        (
            b"\xef\xbb\xbfUserName;FullName;Password\npupil-ana-es;Ana Ruiz;pass-word-99\n\n",
            [{"username": "pupil-ana-es", "fullname": "Ana Ruiz", "password": "pass-word-99"}],
        ),
        (b"username\tfullname\n pupil-eva-es \t Eva \n", [{"username": "pupil-eva-es", "fullname": "Eva"}]),
    ],
)
def test_class_lists_are_read_with_their_header(data, expected):
    assert pupils_from_csv(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"name,surname\nana,ruiz\n",
        "username,fullname".encode("utf-16"),
        None,
        b"username,fullname\n" + b"x" * 70_000,
    ],
)
def test_a_file_that_is_not_a_class_list_names_the_field(data):
    with pytest.raises(FieldError) as refused:
        pupils_from_csv(data)
    assert refused.value.field == "pupils_csv"


def _session_on_members(space_url):
    session = requests.Session()
    session.auth = ("founder-ana", PASSWORD)
    page = session.get(f"{space_url}?tab=members")
    assert page.status_code == 200 and 'id="add-pupils-form"' in page.text
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    return session, token


def _post(session, url, token, csv_text):
    return session.post(
        f"{url}/@@twinning-add-pupils",
        data={"_authenticator": token, "tab": "members"},
        files={"pupils_csv": ("class.csv", csv_text.encode("utf-8"), "text/csv")},
    )


@pytest.fixture
def running_space(functional_portal):
    create_teacher("founder-ana", "ES")
    create_teacher("partner-luca", "IT")
    space = make_space(functional_portal["projects"], "founder-ana", "partner-luca", "running")
    transaction.commit()
    return space.absolute_url()


def test_a_class_from_a_csv_file_gets_accounts_and_passwords_shown_once(running_space):
    session, token = _session_on_members(running_space)
    answer = _post(
        session,
        running_space,
        token,
        "username,fullname,password\npupil-nuria-es,Nuria Gil,\npupil-pau-es,Pau Roca,chosen-pass-2026\n",
    )
    assert answer.status_code == 200 and 'id="pupils-created"' in answer.text
    assert answer.headers["Cache-Control"] == "no-store"
    generated = re.search(
        r"<td><code>pupil-nuria-es</code></td>\s*<td>Nuria Gil</td>\s*<td>\s*<code>([^<]+)</code>",
        answer.text,
    ).group(1)
    assert "chosen-pass-2026" not in answer.text
    transaction.begin()
    for userid in ("pupil-nuria-es", "pupil-pau-es"):
        assert api.user.get(username=userid) is not None
    portal = api.portal.get()
    assert portal.acl_users.authenticate("pupil-nuria-es", generated, portal.REQUEST)
    assert portal.acl_users.authenticate("pupil-pau-es", "chosen-pass-2026", portal.REQUEST)


@pytest.mark.parametrize(
    "csv_text, message",
    [
        ("name,surname\npupil-nuria-es,Nuria\n", "username and fullname"),
        ("username,fullname\npupil-nuria-es,Nuria Gil\npupil-nuria-es,Nuria Twice\n", "Line 3"),
        ("username,fullname\n", "1 to 40"),
        ("username,fullname\n" + "".join(f"pupil-many-{n:02d},Pupil {n}\n" for n in range(41)), "1 to 40"),
    ],
)
def test_a_bad_class_list_says_why_next_to_the_field_and_creates_nobody(running_space, csv_text, message):
    session, token = _session_on_members(running_space)
    answer = _post(session, running_space, token, csv_text)
    assert answer.status_code == 200 and 'id="error-pupils_csv"' in answer.text
    error = re.search(r'id="error-pupils_csv">([^<]*)<', answer.text).group(1)
    assert message in error
    transaction.begin()
    assert api.user.get(username="pupil-nuria-es") is None
    assert api.user.get(username="pupil-many-00") is None
