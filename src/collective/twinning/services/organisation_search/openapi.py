"""OpenAPI fragment of @organisation-search."""

from collective.twinning.openapi.search import search_paths
from collective.twinning.search import specs


PATHS = search_paths("@organisation-search", specs.ORGANISATIONS, "Schools and organisations.")
