"""Rich text may embed the allowed tools only (registry ``collective.twinning.embed_hosts``).

Plone's safe HTML filter keeps iframes from any address; this output filter
(plone.outputfilters) drops those whose address is not on the allow-list,
whatever way the text was stored.
"""

from bs4 import BeautifulSoup
from collective.twinning.collaboration.embeds import embed_name
from collective.twinning.interfaces import IBrowserLayer


def is_allowed_player(src: str) -> bool:
    return embed_name(src or "") is not None


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
