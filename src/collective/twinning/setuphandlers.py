"""Install and uninstall handlers: the top-level containers of the portal."""

from collective.twinning import _
from collective.twinning import logger
from collective.twinning.collaboration.setup import install_discussion
from collective.twinning.lockout import install as lockout
from collective.twinning.pas.setup import install_plugin
from collective.twinning.pas.setup import remove_plugin
from collective.twinning.recognition.setup import allow_prize_rounds
from dataclasses import dataclass
from plone import api
from plone.base.interfaces import INonInstallable
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.folder.unordered import UnorderedOrdering
from zope.i18n import translate
from zope.interface import implementer


ADD_PORTAL_CONTENT = "Add portal content"


@dataclass(frozen=True)
class ContainerSpec:
    id: str
    title: str
    description: str
    portal_type: str  # the only type the container holds
    add_permission: str
    add_roles: tuple[str, ...]  # roles that may add it here, on top of the site's


CONTAINERS = (
    ContainerSpec(
        id="projects",
        title=_("Projects"),
        description=_("eTwinning projects and their TwinSpaces."),
        portal_type="TwinSpace",
        add_permission="collective.twinning: Add TwinSpace",
        add_roles=("Contributor", "Teacher"),
    ),
    ContainerSpec(
        id="groups",
        title=_("Groups"),
        description=_("Thematic groups of teachers."),
        portal_type="Group",
        add_permission="collective.twinning: Add Group",
        add_roles=("Contributor", "Teacher"),
    ),
    ContainerSpec(
        id="partner-finding",
        title=_("Partner finding"),
        description=_("Teachers looking for partners for projects and mobilities."),
        portal_type="PartnerPosting",
        add_permission="collective.twinning: Add PartnerPosting",
        add_roles=("Contributor", "Teacher"),
    ),
    ContainerSpec(
        id="people",
        title=_("People"),
        description=_("Validated teachers looking for partners."),
        portal_type="TeacherProfile",
        add_permission="collective.twinning: Add TeacherProfile",
        add_roles=(),  # profiles are made by the system (directory.profiles)
    ),
    ContainerSpec(
        id="organisations",
        title=_("Schools and organisations"),
        description=_("The schools and organisations of the teachers."),
        portal_type="Organisation",
        add_permission="collective.twinning: Add Organisation",
        add_roles=("Contributor", "Teacher"),
    ),
    ContainerSpec(
        id="recognition",
        title=_("Recognition"),
        description=_("eTwinning School label calls and European Prizes rounds."),
        portal_type="SchoolLabelCall",  # and PrizeRound (recognition.setup)
        add_permission="collective.twinning: Add SchoolLabelCall",
        add_roles=("NationalValidator", "EuropeanValidator"),
    ),
    ContainerSpec(
        id="learning",
        title=_("Learning events"),
        description=_("Learning events, online seminars and MOOCs of the support services."),
        portal_type="LearningEvent",
        add_permission="collective.twinning: Add LearningEvent",
        add_roles=("NationalValidator", "EuropeanValidator"),
    ),
)


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from the site-creation screen."""
        return ["collective.twinning:uninstall"]

    def getNonInstallableProducts(self):
        return []


def _grant_locally(container, permission: str, roles: tuple[str, ...]) -> None:
    """Add ``roles`` to ``permission`` on ``container``, keeping what it acquires."""
    current = {entry["name"] for entry in container.rolesOfPermission(permission) if entry["selected"]}
    container.manage_permission(permission, roles=sorted(current | set(roles)), acquire=True)


def ensure_container(portal, spec: ContainerSpec):
    """Create (or repair) one top-level container restricted to its type."""
    container = portal.get(spec.id)
    if container is None:
        language = api.portal.get_default_language()
        container = api.content.create(
            container=portal,
            type="Folder",
            id=spec.id,
            title=translate(spec.title, target_language=language),
            description=translate(spec.description, target_language=language),
        )
        # Sites without a workflow on folders (test fixtures) show it as it is.
        if api.content.get_state(obj=container, default=None) not in (None, "published"):
            api.content.transition(obj=container, to_state="published")
    # Tens of thousands of items: keep no order list to rewrite on each addition.
    if not isinstance(container.getOrdering(), UnorderedOrdering):
        container.setOrdering("unordered")
    constraints = ISelectableConstrainTypes(container)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes([spec.portal_type])
    constraints.setImmediatelyAddableTypes([spec.portal_type])
    if spec.add_roles:
        _grant_locally(container, spec.add_permission, spec.add_roles)
        _grant_locally(container, ADD_PORTAL_CONTENT, spec.add_roles)
    return container


def post_install(context):
    """Post install script: the containers of the default profile, the PAS plugin."""
    portal = api.portal.get()
    for spec in CONTAINERS:
        ensure_container(portal, spec)
    allow_prize_rounds(portal)
    install_plugin(portal)
    install_discussion(portal)
    lockout.install(portal)


def uninstall(context):
    """Remove the PAS plugin and the containers that hold nothing; keep (and report) the others."""
    portal = api.portal.get()
    remove_plugin(portal)
    lockout.uninstall(portal)
    for spec in CONTAINERS:
        container = portal.get(spec.id)
        if container is None:
            continue
        if container.objectIds():
            logger.warning("Keeping /%s: it still holds %d items.", spec.id, len(container.objectIds()))
            continue
        api.content.delete(obj=container, check_linkintegrity=False)
