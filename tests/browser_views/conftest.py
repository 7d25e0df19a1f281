"""A small world for the Classic UI views: two founders (ES, IT), validators, a pupil.

Views are rendered in-process (integration layer) as a given user, with the
add-on's browser layer on the request, as a real request to the site has it.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from collective.twinning.browser.views.base import ERRORS_KEY
from collective.twinning.interfaces import IBrowserLayer
from plone import api
from plone.protect.authenticator import createToken
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_group
from tests.helpers import make_space
from zope.interface import alsoProvides

import pytest


FOUNDER, PARTNER = "founder-ana", "partner-luca"
OUTSIDER = "teacher-marta"
VALIDATOR_ES, VALIDATOR_IT = "validator-es", "validator-it"
MEMBER = "member-nora"


@pytest.fixture
def world(portal):
    create_teacher(FOUNDER, "ES")
    create_teacher(PARTNER, "IT")
    create_teacher(OUTSIDER, "ES")
    create_validator(VALIDATOR_ES, "ES")
    create_validator(VALIDATOR_IT, "IT")
    create_account(MEMBER, "PT")
    return portal


@pytest.fixture
def space_in(world):
    """A TwinSpace of the founders in a given state."""

    def factory(state="running", id_="space"):
        return make_space(world["projects"], FOUNDER, PARTNER, state, id_=id_)

    return factory


@pytest.fixture
def group_in(world):
    def factory(access="open", state="active", id_="group"):
        return make_group(world["groups"], FOUNDER, access=access, state=state, id_=id_)

    return factory


def prepare(request, form=None, method="GET"):
    """The test request as a browser's: our layer, the given form, no errors of a previous form."""
    alsoProvides(request, IBrowserLayer)
    request.form.clear()
    request.other.pop(ERRORS_KEY, None)
    request.form.update(form or {})
    request.method = method
    request.environ["REQUEST_METHOD"] = method
    request.response.setStatus(200)
    request.response.headers.pop("location", None)
    # Status messages of a previous call live in a cookie of the response.
    request.response.cookies.clear()
    request.cookies.pop("statusmessages", None)
    return request


@pytest.fixture
def render(portal):
    """render(obj, view, userid, form=None, post=False) -> the page or the redirect URL.

    A POST carries the user's CSRF token. ``userid`` None is anonymous.
    """

    def call(obj, name, userid=None, form=None, post=False):
        request = prepare(portal.REQUEST, form, "POST" if post else "GET")
        if userid is None:
            previous = getSecurityManager()
            newSecurityManager(request, nobody)
            try:
                return obj.restrictedTraverse(f"@@{name}")()
            finally:
                setSecurityManager(previous)
        with api.env.adopt_user(username=userid):
            if post:
                request.form["_authenticator"] = createToken()
            return obj.restrictedTraverse(f"@@{name}")()

    return call


@pytest.fixture
def status_messages(portal):
    def show():
        from Products.statusmessages.interfaces import IStatusMessage

        return [message.message for message in IStatusMessage(portal.REQUEST).show()]

    return show


@pytest.fixture
def spanish(portal):
    """The request negotiated Spanish (as Plone's language negotiation binds it)."""
    from plone.i18n.utility import LanguageBinding

    binding = LanguageBinding()
    binding.LANGUAGE, binding.DEFAULT_LANGUAGE, binding.LANGUAGE_LIST = "es", "en", []
    portal.REQUEST["LANGUAGE_TOOL"] = binding
    portal.REQUEST["LANGUAGE"] = "es"
    yield
    portal.REQUEST.other.pop("LANGUAGE_TOOL", None)
    portal.REQUEST["LANGUAGE"] = "en"
