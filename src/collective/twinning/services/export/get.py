from collective.twinning.exportimport.export import export_space
from plone.restapi.services import Service


class ExportGet(Service):
    """The space as a zip (not JSON): served as a download."""

    def render(self):
        archive = export_space(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "application/zip")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}.zip"'
        )
        return archive
