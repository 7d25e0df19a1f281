"""1000 → 1001 (fourth step): the permission to read the audit log (@audit).

Spaces and groups made before have no log yet; it starts with the next change.
"""

from plone import api


PROFILE = "profile-collective.twinning:default"


def upgrade(setup_tool=None) -> None:
    setup = setup_tool or api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
