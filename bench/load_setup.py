"""Accounts and a plain Document for ``make load``, on the demo site.

Run with: zconsole run <zope.conf> bench/load_setup.py <teachers>
(after scripts/create_site.py made the demo site).
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import sys
import transaction


PASSWORD = "load-test-pass-2026"
teachers = int(sys.argv[-1])
site_id = os.environ.get("SITE_ID", "Plone")

app = makerequest(app)  # noqa: F821 - `app` is given by zconsole run
newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
portal = app[site_id]
setSite(portal)

for number in range(teachers):
    userid = f"load-teacher-{number:03d}"
    if api.user.get(userid=userid) is None:
        api.user.create(
            email=f"{userid}@example.org",
            username=userid,
            password=PASSWORD,
            properties={"fullname": f"Load Teacher {number}", "country": "FR"},
        )
        api.user.grant_roles(username=userid, roles=["Teacher"])
if "load-document" not in portal:
    document = api.content.create(
        container=portal,
        type="Document",
        id="load-document",
        title="A plain document",
        description="The baseline of make load.",
    )
    api.content.transition(obj=document, transition="publish")
transaction.commit()
print(f"load_setup: {teachers} teachers, /{site_id}/load-document")
