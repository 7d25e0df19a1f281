"""A teacher profile one may not see answers as if it did not exist.

``/people/<userid>`` answered 401 for an existing teacher and 404 for a missing
one: anyone could test user ids (half of a login). When a request to a
TeacherProfile (or anything under it) is refused to someone who may not view
that profile, the answer is replaced, before the transaction ends, by the one
Zope gives for a missing item (IPubBeforeAbort).
"""

from AccessControl import getSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from collective.twinning.content.teacher_profile import ITeacherProfile
from collective.twinning.interfaces import IBrowserLayer
from plone import api
from zExceptions import NotFound
from zExceptions import Unauthorized
from ZPublisher.WSGIPublisher import _exc_view_created_response


CHALLENGE_HEADERS = ("location", "www-authenticate")


def refused_profile(request):
    """The TeacherProfile on the refused request's path, if any."""
    published = request.get("PUBLISHED")
    for obj in [published, *request.get("PARENTS", ())]:
        for candidate in (obj, getattr(obj, "context", None)):  # plone.rest wraps its contexts
            if candidate is not None and ITeacherProfile.providedBy(candidate):
                return candidate
    return None


def may_view(profile, request) -> bool:
    """Whether the requester may view the profile. A refusal at traversal leaves no user
    in place (an authenticated user may lack the right to edit): ask PAS who it is."""
    if getSecurityManager().checkPermission("View", profile):
        return True
    current = getSecurityManager()
    try:
        user = api.portal.get_tool("acl_users").validate(request, roles=["Authenticated"])
        if user is None:
            return False
        with api.env.adopt_user(user=user):
            return bool(getSecurityManager().checkPermission("View", profile))
    finally:
        setSecurityManager(current)


def answer_as_missing(event) -> None:
    request = event.request
    exception = event.exc_info[1]
    if not (isinstance(exception, Unauthorized) and IBrowserLayer.providedBy(request)):
        return
    profile = refused_profile(request)
    if profile is None or may_view(profile, request):
        return  # the profile is no secret to them: the refusal stands
    response = request.response
    for name in CHALLENGE_HEADERS:
        response.headers.pop(name, None)
    # The refusal locked the status (and its body): unlock them to answer anew.
    response._locked_status = response._locked_body = 0
    # As traversal stops at a missing name: the URL asked for, without a view's name.
    request.other["URL"] = request.get("ACTUAL_URL", request.get("URL", ""))
    _exc_view_created_response(NotFound(request["URL"]), request, response)
    response.setStatus(404, lock=True)
