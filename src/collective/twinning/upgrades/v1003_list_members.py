"""Upgrade step (version assigned by the lead): who may list accounts.

"List portal members" (Plone's users vocabulary, ``@@member-search``) goes to
validated teachers, validators and administrators instead of every member
(rolemap.xml); pupil accounts are left out of those lists for anyone but
administrators by code (vocabularies/users.py), which needs no step.
"""

from plone import api


PROFILE = "profile-collective.twinning:default"


def upgrade(setup_tool=None) -> None:
    setup = setup_tool or api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "rolemap", run_dependencies=False)
