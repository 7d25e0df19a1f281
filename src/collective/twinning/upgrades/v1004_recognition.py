"""1003 → 1004: recognition (issue 25).

The types SchoolLabelCall, SchoolLabelApplication, PrizeRound, PrizeEntry and
LearningEvent with their workflows, their permissions and the roles PrizeJury and
Ambassador (rolemap), the catalog indexes ``school_label`` (organisations) and
``prize`` (projects), the containers /recognition and /learning. The teacher
profile's ``ambassador`` flag becomes a copy of the role Ambassador: flags the
owners set themselves are synced from the role (none holds it yet, so they clear).
"""

from collective.twinning import logger
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.recognition.setup import allow_prize_rounds
from collective.twinning.setuphandlers import CONTAINERS
from collective.twinning.setuphandlers import ensure_container
from plone import api


PROFILE = "profile-collective.twinning:default"
STEPS = ("typeinfo", "workflow", "rolemap", "catalog")
NEW_INDEXES = {"school_label": "Organisation", "prize": "TwinSpace"}
NEW_CONTAINERS = ("recognition", "learning")


def upgrade(setup_tool=None) -> None:
    setup = setup_tool or api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    portal = api.portal.get()
    for spec in CONTAINERS:
        if spec.id in NEW_CONTAINERS:
            ensure_container(portal, spec)
    allow_prize_rounds(portal)
    catalog = api.portal.get_tool("portal_catalog")
    for index, portal_type in NEW_INDEXES.items():
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            brain._unrestrictedGetObject().reindexObject(idxs=[index])
    flagged = [
        brain.getId
        for brain in catalog.unrestrictedSearchResults(portal_type="TeacherProfile")
        if getattr(brain._unrestrictedGetObject(), "ambassador", False)
    ]
    for userid in flagged:
        sync_profile(userid)
    logger.info("Recognition installed; %d self-set ambassador flags synced from the role.", len(flagged))
