"""OpenAPI fragment of @people-search."""

from collective.twinning.openapi.search import search_paths
from collective.twinning.search import specs


PATHS = search_paths("@people-search", specs.PEOPLE, "Visible teacher profiles (teachers and validators).")
