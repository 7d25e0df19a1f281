"""``twinning-digest``: one e-mail per user with their unread notifications (run daily by cron).

    twinning-digest instance/etc/zope.conf Plone

Users whose member property ``notification_mail`` is ``daily`` (the default) get
what is unread and not mailed yet; ``immediately`` users were mailed already,
``never`` users and pupils get nothing. Commits once at the end.
"""

from collective.twinning.collaboration import notifications
from zope.i18n import translate

import argparse
import sys


def digest_text(items: list[dict], language: str | None = None) -> str:
    lines = [f"- {translate(item['title'], target_language=language)}\n  {item['url']}" for item in items]
    return "What happened in your projects and groups:\n\n" + "\n".join(lines) + "\n"


def send_digests() -> dict[str, int]:
    """userid -> number of notifications mailed (who got a digest)."""
    from collective.twinning.lifecycle.notifications import send_mail
    from plone import api

    language = api.portal.get_default_language()
    sent = {}
    for userid in notifications.users_with_unread():
        user = api.user.get(userid=userid)
        if notifications.mail_preference(user) != "daily":
            continue
        items = notifications.undelivered(userid)
        if not items:
            continue
        subject = f"{len(items)} new notification(s)"
        if send_mail([userid], subject, digest_text(items, language)):
            notifications.mark_mailed(userid, max(item["id"] for item in items))
            sent[userid] = len(items)
    return sent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="twinning-digest", description=__doc__.split("\n\n")[0])
    parser.add_argument("zope_conf")
    parser.add_argument("site", nargs="?", default="Plone")
    args = parser.parse_args(argv)
    from collective.twinning.exportimport.command import open_site

    import transaction

    open_site(args.zope_conf, args.site)
    sent = send_digests()
    transaction.commit()
    print(f"{len(sent)} digest(s) sent.", file=sys.stdout)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
