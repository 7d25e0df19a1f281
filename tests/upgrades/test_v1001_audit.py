"""Upgrade 1000 -> 1001 (audit step): a 1000 site gets the permission to read audit logs."""

from collective.twinning.upgrades.v1001_audit import upgrade
from plone import api

import pytest


PERMISSION = "collective.twinning: View audit"
READERS = {"Manager", "Site Administrator", "Reviewer", "TwinSpaceAdmin", "GroupAdmin"}


def readers(portal) -> set[str]:
    return {r["name"] for r in portal.rolesOfPermission(PERMISSION) if r["selected"]}


def test_the_step_gives_the_permission_to_its_roles(portal):
    with api.env.adopt_roles(["Manager"]):
        portal.manage_permission(PERMISSION, [], acquire=True)  # what a 1000 site has
        assert readers(portal) <= {"Manager"}  # the permission's default
        upgrade()
    assert readers(portal) == READERS


@pytest.mark.parametrize(
    "role", ["Member", "Teacher", "TwinSpaceTeacher", "TwinSpacePupil", "EuropeanValidator"]
)
def test_others_do_not_read_audit_logs(portal, role):
    assert role not in readers(portal)
