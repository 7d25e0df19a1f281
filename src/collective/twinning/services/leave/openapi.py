"""OpenAPI fragment of @leave of a group."""

from collective.twinning.content.group import IGroup
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import NO_CONTENT
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import WRITE


PATHS = {
    f"{GROUP}/@leave": {
        "post": operation("Leave the group", NO_CONTENT, WRITE, "groups", ("@leave", IGroup)),
    },
}
