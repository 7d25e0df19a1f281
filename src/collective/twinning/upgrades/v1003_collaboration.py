"""1002 → 1003: collaboration inside spaces and groups.

The new types (Post, Forum, Thread, Meeting, Poll) and their workflows, the add
permissions the places' workflows map per state, comments (plone.app.discussion's
profile, then the add-on's rolemap again), the registry records of embeds and
meetings, the member property ``notification_mail`` and the control panel. The
places' role mappings are updated (no content of the new types exists yet).
"""

from collective.twinning import logger
from collective.twinning.collaboration.setup import install_discussion
from plone import api


PROFILE = "profile-collective.twinning:default"
STEPS = ("typeinfo", "workflow", "rolemap", "plone.app.registry", "memberdata-properties", "controlpanel")


def upgrade(setup_tool=None) -> None:
    setup = setup_tool or api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    install_discussion()
    workflow = api.portal.get_tool("portal_workflow")
    count = workflow.updateRoleMappings()
    logger.info("Collaboration installed; %d objects got their new role mappings.", count)
