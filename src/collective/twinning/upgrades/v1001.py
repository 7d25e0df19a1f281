"""1000 → 1001: the directory and the searches (networking).

New types (TeacherProfile, Organisation), workflows, roles, permissions,
catalog indexes and containers; then the data of a 1000 site is brought along:
postings move from simple_publication_workflow to posting_workflow, their
free-text organisation becomes an Organisation of the directory, pupils hold
Pupil instead of Member, and every teacher gets a profile.
"""

from collective.twinning import logger
from collective.twinning.directory.organisations import set_organisation
from collective.twinning.directory.profiles import sync_all_profiles
from collective.twinning.membership.members import is_pupil_account
from collective.twinning.membership.roles import PUPIL_ROLE
from collective.twinning.setuphandlers import post_install
from DateTime import DateTime
from plone import api

import re


PROFILE = "profile-collective.twinning:default"
STEPS = ("typeinfo", "workflow", "rolemap", "catalog", "sharing", "plone.app.registry")
NEW_INDEXES = re.compile(r'<index meta_type="\w+" name="(\w+)"')
OLD_POSTING_WORKFLOW = "simple_publication_workflow"
POSTING_WORKFLOW = "posting_workflow"


def _all(portal_type: str) -> list:
    catalog = api.portal.get_tool("portal_catalog")
    return [b._unrestrictedGetObject() for b in catalog.unrestrictedSearchResults(portal_type=portal_type)]


def migrate_posting_state(posting) -> str:
    """Published stays published; private or pending postings become drafts."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    history = getattr(posting, "workflow_history", {}).get(OLD_POSTING_WORKFLOW) or ()
    old_state = history[-1]["review_state"] if history else None
    new_state = "published" if old_state == "published" else "draft"
    workflow_tool.setStatusOf(
        POSTING_WORKFLOW,
        posting,
        {
            "action": None,
            "actor": "system",
            "comments": f"Moved from {OLD_POSTING_WORKFLOW} ({old_state}).",
            "review_state": new_state,
            "time": DateTime(),
        },
    )
    workflow_tool.getWorkflowById(POSTING_WORKFLOW).updateRoleMappingsFor(posting)
    return new_state


def migrate_posting_organisation(posting, organisations: dict) -> None:
    """A free-text school name becomes (or joins) an Organisation of the directory."""
    name = getattr(posting, "organisation", None)
    if not isinstance(name, str):
        return  # already a relation (or nothing)
    name = name.strip()
    if not name:
        posting.organisation = None
        return
    key = (name.casefold(), posting.country)
    if key not in organisations:
        organisations[key] = api.content.create(
            container=api.portal.get()["organisations"],
            type="Organisation",
            title=name,  # the organisation's name (and its id's source)
            country=posting.country,
            organisation_type="other",  # unknown before: the teacher can correct it
        )
    set_organisation(posting, organisations[key])


def pupils_hold_the_pupil_role() -> int:
    changed = 0
    role_manager = api.portal.get_tool("acl_users").portal_role_manager
    for user in api.user.get_users():
        if is_pupil_account(user):
            roles = set(role_manager.getRolesForPrincipal(user)) - {"Member"}
            role_manager.assignRolesToPrincipal(sorted(roles | {PUPIL_ROLE}), user.getId())
            changed += 1
    return changed


def upgrade(setup_tool) -> None:
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    post_install(setup_tool)  # the /people and /organisations containers
    catalog = api.portal.get_tool("portal_catalog")
    catalog_xml = setup_tool.getProfileInfo(PROFILE.removeprefix("profile-"))["path"]
    with open(f"{catalog_xml}/catalog.xml", encoding="utf-8") as file:
        indexes = NEW_INDEXES.findall(file.read())
    catalog.manage_reindexIndex(ids=[*indexes, "SearchableText"])

    organisations = {}
    postings = _all("PartnerPosting")
    for posting in postings:
        migrate_posting_state(posting)
        migrate_posting_organisation(posting, organisations)
        posting.reindexObject()
    for space in _all("TwinSpace"):  # the search results' metadata column
        space.reindexObject(idxs=["getId"])
    pupils = pupils_hold_the_pupil_role()
    profiles = sync_all_profiles()
    logger.info(
        "Upgraded to 1001: %d postings, %d organisations from their text, %d pupils, %d profiles.",
        len(postings),
        len(organisations),
        pupils,
        profiles,
    )
