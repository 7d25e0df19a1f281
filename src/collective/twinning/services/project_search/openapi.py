"""OpenAPI fragment of @project-search."""

from collective.twinning.openapi.search import search_paths
from collective.twinning.search import specs


PATHS = search_paths(
    "@project-search", specs.PROJECTS, "Validated, running, concluded and labelled projects."
)
