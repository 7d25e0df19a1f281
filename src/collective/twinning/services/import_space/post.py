from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.exportimport.importer import import_space
from collective.twinning.security import as_system
from collective.twinning.services.base import allow_write
from plone import api
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.restapi.services import Service


class ImportPost(Service):
    """The body is an @export zip; answers 201 with the new space, restored or rebuilt (importer)."""

    def reply(self):
        allow_write(self.request)
        # The folder's own constraint, not the user's add rights: the system imports.
        with as_system():
            allowed = ISelectableConstrainTypes(self.context).getLocallyAllowedTypes()
        if "TwinSpace" not in allowed:
            raise FieldError("path", _("Import spaces into the projects folder."))
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip()
        if content_type != "application/zip":
            raise FieldError("Content-Type", _("Content-Type: send the archive as application/zip."))
        body = self.request.get("BODYFILE")
        if body is None:
            raise FieldError("body", _("This field is required."))
        body.seek(0)
        imported = import_space(self.context, body)  # read where Zope spooled it, never copied whole
        space = imported.space
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", space.absolute_url())
        return {
            "@id": space.absolute_url(),
            "UID": space.UID(),
            "title": space.Title(),
            "mode": imported.mode,
            "review_state": api.content.get_state(obj=space),
            "left_out": imported.left_out,
        }
