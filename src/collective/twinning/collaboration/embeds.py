"""Embeds: https addresses matching the registry allow-list ``collective.twinning.embed_hosts``."""

from collective.twinning import _
from collective.twinning.collaboration.settings import DEFAULT_EMBED_HOSTS
from fnmatch import fnmatchcase
from urllib.parse import urlparse
from zope.schema import ValidationError


class EmbedNotAllowed(ValidationError):
    __doc__ = _("embed_url must be an https address of a tool in the list of allowed embeds.")


def parse_entry(entry: str) -> tuple[str, str, str] | None:
    """(name, host pattern, path pattern) of an allow-list entry, or None when malformed."""
    name, _bar, pattern = (entry or "").rpartition("|")
    parsed = urlparse(pattern.strip())
    if parsed.scheme != "https" or not parsed.netloc or "@" in parsed.netloc:
        return None
    return name.strip() or parsed.netloc, parsed.netloc.lower(), parsed.path or "/*"


def allow_list() -> list[tuple[str, str, str]]:
    try:
        from collective.twinning.collaboration.settings import setting

        entries = setting("embed_hosts")
    except Exception:  # no site (schema checks outside a request): the shipped list
        entries = DEFAULT_EMBED_HOSTS
    return [parsed for parsed in map(parse_entry, entries or ()) if parsed]


def embed_name(url: str) -> str | None:
    """The name of the allowed tool ``url`` belongs to, or None."""
    if not isinstance(url, str):
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme != "https" or parsed.username or parsed.password or parsed.port not in (None, 443):
        return None
    host = (parsed.hostname or "").lower()
    path = parsed.path or "/"
    for name, host_pattern, path_pattern in allow_list():
        if fnmatchcase(host, host_pattern) and fnmatchcase(path, path_pattern):
            return name
    return None


def is_embed_url(value: str) -> bool:
    """Field constraint (Material.embed_url): 400 naming the field otherwise."""
    if embed_name(value) is None:
        raise EmbedNotAllowed(value)
    return True


SANDBOX = "allow-scripts allow-same-origin allow-popups allow-forms allow-presentation"


def iframe_attributes(url: str) -> dict | None:
    """The attributes of the sandboxed iframe showing ``url`` (None when not allowed)."""
    if embed_name(url) is None:
        return None
    return {
        "src": url,
        "sandbox": SANDBOX,
        "loading": "lazy",
        "referrerpolicy": "no-referrer",
        "allow": "fullscreen; picture-in-picture",
    }
