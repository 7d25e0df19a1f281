"""Create (or reuse) the demo Plone site. Run with: zconsole run zope.conf scripts/create_site.py

Environment: ADMIN_PASSWORD (default "admin"), SITE_ID (default "Plone"), PORT (for the URL),
MAIL_SINK_PORT (set by scripts/serve.sh run: the site's mail goes to the sink on that port);
OIDC_ISSUER (with OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) installs collective.twinning:sso.
"""

from AccessControl.SecurityManagement import newSecurityManager
from collective.twinning.demo.users import DEMO_ACCOUNTS
from collective.twinning.demo.users import DEMO_PASSWORD
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import transaction


PROFILES = (
    "plone.app.contenttypes:default",
    "plonetheme.barceloneta:default",
    "plone.restapi:default",
    "collective.twinning:default",
    "collective.twinning:demo",
)

admin_password = os.environ.get("ADMIN_PASSWORD", "admin")
site_id = os.environ.get("SITE_ID", "Plone")
port = os.environ.get("PORT", "8080")

app = makerequest(app)  # noqa: F821 - `app` is given by zconsole run

# The Zope admin, with the password of this run. The root user folder is a
# plain UserFolder on the first run; creating a Plone site turns it into a
# PluggableAuthService (PlonePAS), whose users live in its "users" plugin.
users = app.acl_users
user_manager = getattr(users, "users", None)
if user_manager is not None:
    if "admin" in user_manager.listUserIds():
        user_manager.updateUserPassword("admin", admin_password)
    else:
        user_manager.addUser("admin", "admin", admin_password)
        users.roles.assignRoleToPrincipal("admin", "Manager")
elif users.getUserById("admin") is None:
    users._doAddUser("admin", admin_password, ["Manager"], [])
else:
    users._doChangeUser("admin", admin_password, ["Manager"], [])
admin = users.getUserById("admin").__of__(users)
newSecurityManager(None, admin)

if site_id in app.objectIds():
    print(f"Reusing the site {site_id}.")
else:
    print(f"Creating the site {site_id} ...")
    site = addPloneSite(
        app,
        site_id,
        title="eTwinning Portal",
        extension_ids=PROFILES,
        setup_content=False,
        default_language="en",
    )
transaction.commit()

setSite(app[site_id])
# make run's mail sink (scripts/serve.sh): the demo sends its mail there, with a sender address.
if os.environ.get("MAIL_SINK_PORT"):
    from collective.twinning.demo.mail import use_mail_sink

    use_mail_sink(app[site_id], "127.0.0.1", int(os.environ["MAIL_SINK_PORT"]))
    transaction.commit()
url = f"http://127.0.0.1:{port}/{site_id}"
# Log in with the agency's identity provider: the three variables are read at each request.
SSO_PROFILE = "collective.twinning:sso"
if os.environ.get("OIDC_ISSUER"):
    setup_tool = app[site_id].portal_setup
    if setup_tool.getLastVersionForProfile(SSO_PROFILE) == "unknown":
        setup_tool.runAllImportStepsFromProfile(f"profile-{SSO_PROFILE}")
        transaction.commit()
    print(f"Log in with {os.environ['OIDC_ISSUER']}: redirect URI {url}/acl_users/oidc/callback,")
    print(f"  post-logout redirect URI {url}/logged-out")
print()
print(f"Portal: {url}")
shown = "admin" if admin_password == "admin" else "(the ADMIN_PASSWORD you set)"
print(f"Admin login: admin / {shown}")
print(f"Demo logins (demo passwords only, password '{DEMO_PASSWORD}'):")
for account in DEMO_ACCOUNTS:
    print(f"  {account.userid:8} {account.fullname:28} {account.country}  {account.note}")
print()
