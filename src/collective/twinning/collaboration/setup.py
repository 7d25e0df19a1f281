"""Install what collaboration needs from Plone: plone.app.discussion's profile, then ours again.

plone.app.discussion's profile gives "Reply to item" to every authenticated user and
binds comments to its own workflow; the add-on's rolemap, workflows and registry are
imported again afterwards so that only the members of a place comment there.
"""

from plone import api


DISCUSSION = "plone.app.discussion"
OUR_STEPS = ("rolemap", "workflow", "plone.app.registry")
COMMENT_TYPE = "Discussion Item"
COMMENT_WORKFLOW = "twinning_comment_workflow"


def install_discussion(portal=None) -> None:
    setup = api.portal.get_tool("portal_setup")
    profile = f"profile-{DISCUSSION}:default"
    if (
        setup.getLastVersionForProfile(profile) == "unknown"
        or setup.getLastVersionForProfile(profile) is None
    ):
        setup.runAllImportStepsFromProfile(profile)
    for step in OUR_STEPS:
        setup.runImportStepFromProfile("profile-collective.twinning:default", step, run_dependencies=False)
    workflow = api.portal.get_tool("portal_workflow")
    if workflow.getChainForPortalType(COMMENT_TYPE) != (COMMENT_WORKFLOW,):
        workflow.setChainForPortalTypes([COMMENT_TYPE], [COMMENT_WORKFLOW])
