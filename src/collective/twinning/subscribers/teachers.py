"""A new account waits for its national service to validate it as a teacher."""

from collective.twinning.teachers.requests import record_request
from plone import api


def record_teacher_request(principal, event) -> None:
    if api.portal.get_tool("portal_membership").getMemberById(principal.getId()) is None:
        return  # a group, not a user
    record_request(principal.getId())
