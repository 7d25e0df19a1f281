"""make fuzz: set up the throwaway demo site for mail. Run with zconsole after create_site.py.

A sender address (so that @contact composes mail) and the MailHost's queue in
FUZZ_MAIL_QUEUE: mail is written there, never delivered (no SMTP server is asked
inside the request, whose commit would otherwise fail on the refused connection).
"""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import transaction


app = makerequest(app)  # noqa: F821 - `app` is given by zconsole run
site = app[os.environ.get("SITE_ID", "Plone")]
newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
setSite(site)
site.portal_registry["plone.email_from_address"] = "portal@etwinning.example"
site.portal_registry["plone.email_from_name"] = "eTwinning Portal (fuzz)"
queue = os.environ["FUZZ_MAIL_QUEUE"]
for sub in ("new", "cur", "tmp"):
    os.makedirs(os.path.join(queue, sub), exist_ok=True)
site.MailHost.smtp_queue = True
site.MailHost.smtp_queue_directory = queue
transaction.commit()
print(f"Mail is queued in {queue}.")
