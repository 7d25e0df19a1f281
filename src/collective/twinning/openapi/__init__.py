"""The OpenAPI document of the endpoints of the add-on (scripts/openapi.py, @twinning-openapi)."""
