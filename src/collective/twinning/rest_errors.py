"""REST body of a FieldError: plone.rest's error view plus the field, in the request's language."""

from plone.rest.errors import ErrorHandling


class FieldErrorHandling(ErrorHandling):
    """``{"type": "BadRequest", "message", "field"}`` with status 400."""

    def render_exception(self, exception):
        result = super().render_exception(exception)
        result["type"] = "BadRequest"
        result["message"] = exception.translated(self.request)
        result["field"] = exception.field
        return result
