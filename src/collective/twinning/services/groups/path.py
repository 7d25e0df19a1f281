from collective.twinning import _
from collective.twinning.errors import FieldError


def group_id_of(params: list) -> str:
    """The one group id of ``@groups/<group id>``, or 400 (plone.restapi raises a bare
    Exception: 500)."""
    if len(params) != 1:
        raise FieldError("path", _("Give one group id in the URL: @groups/<group id>."))
    return params[0]
