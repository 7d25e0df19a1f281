"""The "Collaboration" control panel: the embeds allow-list and the video meeting server."""

from collective.twinning import _
from collective.twinning.collaboration.embeds import parse_entry
from collective.twinning.collaboration.settings import ICollaborationSettings
from collective.twinning.collaboration.settings import PREFIX
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from z3c.form import button
from zope.interface import Invalid


def check_entries(entries) -> None:
    for entry in entries or ():
        if parse_entry(entry) is None:
            raise Invalid(_("Not an https address pattern: ${entry}", mapping={"entry": entry}))


class CollaborationSettingsForm(RegistryEditForm):
    schema = ICollaborationSettings
    schema_prefix = PREFIX
    label = _("Collaboration settings")
    description = _("The tools that may be embedded in spaces and groups, and the video meeting server.")

    @button.buttonAndHandler(_("Save"), name="save")
    def handleSave(self, action):
        data, errors = self.extractData()
        if not errors:
            try:
                check_entries(data.get("embed_hosts"))
            except Invalid as error:
                self.status = str(error)
                return
        super().handleSave(self, action)

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handleCancel(self, action):
        super().handleCancel(self, action)


class CollaborationSettings(ControlPanelFormWrapper):
    form = CollaborationSettingsForm
