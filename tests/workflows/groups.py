"""A group in a given state with one account per role of the group permission tables."""

from collective.twinning.membership.roster import GroupRoster
from collective.twinning.security import as_system
from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher
from tests.helpers import create_validator
from tests.helpers import make_group
from tests.workflows.conftest import _owned_by


# role of the tables -> account id (anonymous has none)
GROUP_ACCOUNTS = {
    "creator": "creator-ana",
    "admin": "admin-berta",
    "member": "member-carla",
    "teacher": "teacher-dario",
    "user": "user-elena",
    "pupil": "pupil-fabio",
    "validator": "validator-es",
    "other_validator": "validator-fr",
    "eu_validator": "validator-eu",
    "manager": "manager-hugo",
}


def build_group(portal, state: str):
    """Accounts, a group in ``state`` with a private and a public page, and a
    material of each member's (made with system rights, whatever the state);
    returns (group, private page, public page, materials)."""
    for role in ("creator", "admin", "member", "teacher"):
        create_teacher(GROUP_ACCOUNTS[role], "ES")
    create_account(GROUP_ACCOUNTS["user"], "ES")
    create_pupil_account(GROUP_ACCOUNTS["pupil"])
    create_validator(GROUP_ACCOUNTS["validator"], "ES")
    create_validator(GROUP_ACCOUNTS["other_validator"], "FR")
    create_account(GROUP_ACCOUNTS["eu_validator"], "BE", roles=["EuropeanValidator"])
    create_account(GROUP_ACCOUNTS["manager"], "ES", roles=["Manager"])

    group = make_group(portal["groups"], GROUP_ACCOUNTS["creator"], "open", state)
    with as_system():
        roster = GroupRoster(group)
        roster.set(GROUP_ACCOUNTS["admin"], "GroupAdmin")
        roster.set(GROUP_ACCOUNTS["member"], "GroupMember")
        private = _owned_by(
            api.content.create(container=group, type="Page", id="page", title="Private page"),
            GROUP_ACCOUNTS["creator"],
        )
        public = _owned_by(
            api.content.create(container=group, type="Page", id="public", title="Public page"),
            GROUP_ACCOUNTS["creator"],
        )
        api.content.transition(obj=public, transition="publish")
        materials = {
            role: _owned_by(
                api.content.create(
                    container=group,
                    type="Material",
                    id=f"material-{role}",
                    title=f"By {role}",
                    embed_url="https://vimeo.com/1",
                    copyright_confirmed=True,
                ),
                GROUP_ACCOUNTS[role],
            )
            for role in ("creator", "admin", "member")
        }
    return group, private, public, materials
