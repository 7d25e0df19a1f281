"""``@@demo-mails``: the mails the demo's local SMTP sink caught (demo/mail.py), for administrators.

Only when this Zope process was started with the sink (``make run``): elsewhere the page
does not exist (404), and a production site's mail goes through its MailHost as set up.
"""

from collective.twinning.browser.views.base import TwinningView
from collective.twinning.demo.mail import caught_mails
from collective.twinning.demo.mail import sink_dir
from plone import api
from zExceptions import NotFound


class DemoMails(TwinningView):
    def __call__(self):
        self.directory = sink_dir()
        if self.directory is None:
            raise NotFound("The demo mail sink is not running.")
        return self.index()

    def mails(self) -> list[dict]:
        items = caught_mails(self.directory)
        for item in items:
            item["date_title"] = (
                api.portal.get_localized_time(item["date"], long_format=True) if item["date"] else ""
            )
        return items
