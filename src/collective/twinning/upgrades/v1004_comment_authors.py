"""1003 → 1004: only a comment's author edits it.

The comment workflow gave editing to Owner, which the owner of a post or thread
also holds on every comment below it (and a space's founder on everything in the
space). Editing now goes to the local role CommentAuthor, which each comment
gives its own author: the role (rolemap), the workflow, the role on every
existing comment, and the comments' role mappings.
"""

from collective.twinning import logger
from collective.twinning.collaboration.events import give_comment_author
from plone import api


PROFILE = "profile-collective.twinning:default"


def upgrade(setup_tool=None) -> None:
    setup = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    workflow = api.portal.get_tool("portal_workflow")
    definition = workflow["twinning_comment_workflow"]
    count = 0
    # every comment, whoever may see it: an upgrade step run by an administrator, no user-facing result
    for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="Discussion Item"
    ):
        comment = brain._unrestrictedGetObject()
        give_comment_author(comment)
        definition.updateRoleMappingsFor(comment)
        count += 1
    logger.info("%d comments: their authors edit them, nobody else.", count)
