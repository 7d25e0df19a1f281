"""1000 → 1001 (second step): groups get group_workflow, rosters (GroupAdmin, GroupMember) and their indexes.

Imports the changed steps, then moves each existing Group from
simple_publication_workflow to group_workflow (published -> active, any
other state -> pending), sets its countries (its creator's) and indexes it.
Pages and material inside are remapped too: the private state of
twinspace_content_workflow now lets group members see them.
"""

from collective.twinning import logger
from collective.twinning.subscribers.twinspace import update_countries
from DateTime import DateTime
from plone import api


PROFILE = "profile-collective.twinning:default"
STEPS = ("rolemap", "sharing", "workflow", "catalog")
# simple_publication_workflow state -> group_workflow state
STATES = {"published": "active"}


def _move_to_group_workflow(group, workflow_tool) -> str:
    old = workflow_tool.getStatusOf("simple_publication_workflow", group) or {}
    state = STATES.get(old.get("review_state"), "pending")
    workflow_tool.setStatusOf(
        "group_workflow",
        group,
        {
            "action": None,
            "actor": "system",
            "comments": "Moved to group_workflow (upgrade 1001).",
            "review_state": state,
            "time": DateTime(),
        },
    )
    return state


def upgrade(context) -> None:
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    group_workflow = workflow_tool["group_workflow"]
    content_workflow = workflow_tool["twinspace_content_workflow"]
    for brain in catalog.unrestrictedSearchResults(portal_type="Group"):
        group = brain._unrestrictedGetObject()
        state = _move_to_group_workflow(group, workflow_tool)
        update_countries(group, None)
        group_workflow.updateRoleMappingsFor(group)
        for child in catalog.unrestrictedSearchResults(path="/".join(group.getPhysicalPath())):
            obj = child._unrestrictedGetObject()
            if obj is not group and content_workflow.getId() in workflow_tool.getChainFor(obj):
                content_workflow.updateRoleMappingsFor(obj)
        group.reindexObject()
        group.reindexObjectSecurity()
        logger.info("Group %s is now %s (group_workflow).", brain.getPath(), state)
