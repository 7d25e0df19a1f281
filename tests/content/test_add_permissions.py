"""Who may add each type where: the add permissions of rolemap.xml and the containers."""

from plone import api

import pytest


INNER_PERMISSIONS = {
    "Page": "collective.twinning: Add Page",
    "Material": "collective.twinning: Add Material",
    "Mobility": "collective.twinning: Add Mobility",
    "QualityLabel": "collective.twinning: Add QualityLabel",
}


@pytest.fixture
def space(portal):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["projects"], type="TwinSpace", id="space", title="Space",
            languages=["en"], subjects=["art"], age_from=8, age_to=9,
        )


@pytest.mark.parametrize("portal_type", sorted(INNER_PERMISSIONS))
@pytest.mark.parametrize(
    "local_roles,expected",
    [
        ([], False),  # a plain Member
        (["Owner"], True),
        (["Contributor"], True),
        (["Reader"], False),
        (["Teacher"], False),  # the global teacher role alone does not open a space
    ],
)
def test_inner_type_add_permission(space, portal_type, local_roles, expected):
    api.user.create(email="eva@example.org", username="eva-teacher", password="secret-pass")
    if local_roles:
        api.user.grant_roles(username="eva-teacher", obj=space, roles=local_roles)
    with api.env.adopt_user(username="eva-teacher"):
        allowed = api.user.has_permission(INNER_PERMISSIONS[portal_type], obj=space)
        addable = portal_type in [fti.getId() for fti in space.allowedContentTypes()]
    assert bool(allowed) is expected
    assert addable is expected
