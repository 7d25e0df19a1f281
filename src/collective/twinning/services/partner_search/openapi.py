"""OpenAPI fragment of @partner-search."""

from collective.twinning.openapi.search import search_paths
from collective.twinning.search import specs


PATHS = search_paths(
    "@partner-search", specs.POSTINGS, "Published partner postings (expired ones on request)."
)
