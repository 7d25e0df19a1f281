"""Upgrade step (version assigned by the lead): the login lockout plugin (lockout/).

Adds acl_users/twinning_login_lockout first among the authentication plugins.
"""

from collective.twinning.lockout.install import install


def upgrade(setup_tool=None) -> None:
    install()
