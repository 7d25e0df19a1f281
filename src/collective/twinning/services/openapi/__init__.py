"""``@twinning-openapi``: the OpenAPI document of the add-on."""
