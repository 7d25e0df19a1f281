"""Rich text may embed players of the allowed video hosts only.

Plone's safe HTML filter keeps iframes from any address; this output filter
(plone.outputfilters) drops those that are not https players of YouTube, Vimeo
or Dailymotion, whatever way the text was stored.
"""

from bs4 import BeautifulSoup
from collective.twinning.content.validation import VIDEO_HOSTS
from collective.twinning.interfaces import IBrowserLayer
from urllib.parse import urlparse


def is_allowed_player(src: str) -> bool:
    parsed = urlparse(src or "")
    return parsed.scheme == "https" and (parsed.hostname or "") in VIDEO_HOSTS


def drop_foreign_iframes(html: str) -> str | None:
    """The HTML without iframes from other hosts, or None when nothing changed."""
    if "<iframe" not in html.lower():
        return None
    soup = BeautifulSoup(html, "html.parser")
    foreign = [tag for tag in soup.find_all("iframe") if not is_allowed_player(tag.get("src"))]
    if not foreign:
        return None
    for tag in foreign:
        tag.decompose()
    return str(soup)


class VideoPlayersOnly:
    order = 900  # after Plone's own filters

    def __init__(self, context=None, request=None):
        self.context = context
        self.request = request

    def is_enabled(self) -> bool:
        return self.request is not None and IBrowserLayer.providedBy(self.request)

    def __call__(self, data):
        return drop_foreign_iframes(data if isinstance(data, str) else data.decode("utf-8"))
