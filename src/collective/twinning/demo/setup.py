"""The collective.twinning:demo profile's handler."""

from collective.twinning.demo.collaboration import create_collaboration
from collective.twinning.demo.content import create_directory
from collective.twinning.demo.content import create_group
from collective.twinning.demo.content import create_postings
from collective.twinning.demo.content import create_project_content
from collective.twinning.demo.content import create_projects
from collective.twinning.demo.recognition import create_recognition
from collective.twinning.demo.users import DEMO_ACCOUNTS
from collective.twinning.demo.users import ensure_account
from plone import api


FRONT_PAGE = "twinning-home"


def set_front_page(portal) -> None:
    """The portal's front page (browser/views/home.py) as the site's default view."""
    portal.setLayout(FRONT_PAGE)


def create_demo(context) -> None:
    """Accounts first (the content is created as them), then content. Idempotent."""
    portal = api.portal.get()
    for account in DEMO_ACCOUNTS:
        if not account.pupil:
            ensure_account(account)
    create_directory(portal)
    projects = create_projects(portal)
    create_project_content(projects["nuestro-patrimonio-our-heritage"])
    create_collaboration(projects["nuestro-patrimonio-our-heritage"])
    create_group(portal)
    create_postings(portal)
    create_recognition(portal)
    set_front_page(portal)
