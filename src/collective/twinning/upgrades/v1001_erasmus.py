"""1000 → 1001 (third step): Erasmus+ mobilities and Quality Labels get their own workflows;
catalog indexes and a metadata column for labels, reports and statistics;
permissions for evaluations, reports and statistics."""

from collective.twinning.labels.eligibility import record_applicant
from collective.twinning.lifecycle.countries import user_country
from plone import api


PROFILE = "profile-collective.twinning:default"
NEW_INDEXES = ("quality_labels", "label_applicant", "twinning_countries")


def upgrade(setup_tool=None) -> None:
    setup = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow", "catalog", "browserlayer"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)

    # Mobilities and labels start in their new workflow's initial state
    # (planned, draft); their permissions follow it.
    workflow_tool = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=["Mobility", "QualityLabel", "TwinSpace"]):
        obj = brain._unrestrictedGetObject()
        if obj.portal_type == "Mobility" and "sending_country" not in obj.__dict__:
            # Stored, or each reader's own country would be computed as the default.
            obj.sending_country = user_country(obj.Creator())
        if obj.portal_type == "QualityLabel" and "applicant_country" not in obj.__dict__:
            obj.applicant_country = user_country(obj.applicant)
            record_applicant(obj)
        if obj.portal_type != "TwinSpace":
            for workflow in workflow_tool.getWorkflowsFor(obj):
                workflow.updateRoleMappingsFor(obj)
            obj.reindexObject()  # review_state, security, the new indexes and column
        else:
            obj.reindexObject(idxs=list(NEW_INDEXES))
