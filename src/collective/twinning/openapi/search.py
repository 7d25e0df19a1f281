"""The OpenAPI fragment of a search service, made from its SearchSpec (search.specs)."""

from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import string
from collective.twinning.search.engine import DEFAULT_BATCH
from collective.twinning.search.engine import MAX_BATCH
from collective.twinning.search.filters import MAX_TEXT
from Products.CMFCore.interfaces import ISiteRoot


def search_parameters(spec) -> list[dict]:
    """The query parameters of a search, from its SearchSpec."""
    result = []
    for spec_filter in spec.filters:
        match spec_filter.kind:
            case "text":
                schema = string(minLength=1, maxLength=MAX_TEXT)
                text = "Words (the last one as a prefix)."
            case "flag":
                schema = string(enum=["true", "false"])
                text = "true or false (also 1/0, yes/no)."
            case "since":
                schema = string(format="date")
                text = "Created on or after this date."
            case "uid":
                schema = {"type": "array", "items": string()}
                text = f"UIDs of {spec_filter.portal_type} objects (any of them)."
            case "free":
                schema = {"type": "array", "items": string(minLength=1, maxLength=MAX_TEXT)}
                text = "Values (any of them)."
            case _:
                items = string()
                if spec_filter.values:
                    items["enum"] = list(spec_filter.values)
                else:
                    items["x-vocabulary"] = spec_filter.vocabulary
                schema = {"type": "array", "items": items}
                text = "Values (any of them)" + (", counted in facets." if spec_filter.facet else ".")
        result.append(
            {
                "name": spec_filter.param,
                "in": "query",
                "description": text,
                "schema": schema,
                **({"style": "form", "explode": True} if schema["type"] == "array" else {}),
            }
        )
    if spec.ages:
        for name in ("age_from", "age_to"):
            result.append(
                {
                    "name": name,
                    "in": "query",
                    "description": "Pupils' ages: results whose range overlaps (age_from <= age_to).",
                    "schema": {"type": "integer", "minimum": 3, "maximum": 20},
                }
            )
    for param in spec.options:
        result.append(
            {
                "name": param,
                "in": "query",
                "description": "true: include what is hidden by default.",
                "schema": string(enum=["true", "false"]),
            }
        )
    if len(spec.sorting.choices) > 1:
        result.append(
            {
                "name": "sort_on",
                "in": "query",
                "description": f"Default {spec.sorting.default}.",
                "schema": string(enum=list(spec.sorting.choices)),
            }
        )
    result += [
        {"name": "b_start", "in": "query", "schema": {"type": "integer", "minimum": 0}},
        {
            "name": "b_size",
            "in": "query",
            "description": f"Default {DEFAULT_BATCH}.",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_BATCH},
        },
    ]
    return result


def search_paths(name: str, spec, text: str) -> dict:
    """``/<name>``: a batch of results with facet counts (schemas SearchResults in openapi.schemas)."""
    return {
        f"/{name}": {
            "get": operation(
                text,
                {"200": json_reply("A batch of results with facet counts.", ref("SearchResults"))},
                ("400", "401", "403"),
                "search",
                (name, ISiteRoot),
                query=search_parameters(spec),
            )
        }
    }
