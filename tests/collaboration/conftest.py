"""A project (and a group) with one account per role, and collaboration content made as its members."""

from collective.twinning.membership.roster import GroupRoster
from collective.twinning.security import as_system
from plone import api
from plone.app.textfield.value import RichTextValue
from tests.helpers import create_account
from tests.helpers import create_teacher
from tests.helpers import make_group
from tests.workflows.conftest import ACCOUNTS
from tests.workflows.conftest import build_project

import pytest
import uuid


GROUP_ACCOUNTS = {
    "groupadmin": "gadmin-olga",
    "groupmember": "gmember-pia",
    "outsider": "outsider-rui",
    "manager": "manager-hugo",
}


def html(text: str) -> RichTextValue:
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def write(container, role: str, portal_type: str, accounts=ACCOUNTS, **fields):
    """Create ``portal_type`` in ``container`` as the table's ``role`` (their own rights)."""
    if portal_type in ("Post", "Thread") and "text" not in fields:
        fields["text"] = html(f"Written by {role}")
    if portal_type in ("Post", "Poll") and "id" not in fields:
        fields["id"] = f"{portal_type.lower()}-{uuid.uuid4().hex[:8]}"
    with api.env.adopt_user(username=accounts[role]):
        return api.content.create(container=container, type=portal_type, **fields)


def as_owner(container, userid: str, portal_type: str, **fields):
    """Create content owned by ``userid`` whatever the state (system rights, then ownership)."""
    if portal_type in ("Post", "Thread") and "text" not in fields:
        fields["text"] = html(f"Written by {userid}")
    if portal_type in ("Post", "Poll") and "id" not in fields:
        fields["id"] = f"{portal_type.lower()}-{uuid.uuid4().hex[:8]}"
    with as_system(userid):
        obj = api.content.create(container=container, type=portal_type, **fields)
    user = api.user.get(userid=userid).getUser()
    obj.changeOwnership(user)
    obj.manage_setLocalRoles(userid, ["Owner"])
    obj.setCreators([userid])
    obj.reindexObject()
    obj.reindexObjectSecurity()
    return obj


def build_group(portal, state: str = "active"):
    create_teacher(GROUP_ACCOUNTS["groupadmin"], "ES")
    create_teacher(GROUP_ACCOUNTS["groupmember"], "IT")
    create_teacher(GROUP_ACCOUNTS["outsider"], "FR")
    if api.user.get(userid=GROUP_ACCOUNTS["manager"]) is None:
        create_account(GROUP_ACCOUNTS["manager"], "ES", roles=["Manager"])
    group = make_group(portal["groups"], GROUP_ACCOUNTS["groupadmin"], state=state)
    with as_system():
        GroupRoster(group).set(GROUP_ACCOUNTS["groupmember"], "GroupMember")
    return group


@pytest.fixture
def project(portal):
    """A running project with its accounts (tests.workflows.conftest.ACCOUNTS)."""
    space, _page, _materials = build_project(portal, "running")
    return space


@pytest.fixture
def group(portal):
    return build_group(portal)
